#!/usr/bin/env bash
# Installs what is missing, builds Pipewright with its tests and runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
./scripts/build.sh -DPIPEWRIGHT_BUILD_TESTS=ON

build_dir="${PIPEWRIGHT_BUILD_DIR:-build}"
# Tests keep their history and data away from the user's own.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" PIPEWRIGHT_DB="$scratch/data/history.sqlite"

ctest --test-dir "$build_dir" --output-on-failure -j2 --timeout 600
