#!/usr/bin/env bash
# Configures and builds Pipewright into build/ (or $PIPEWRIGHT_BUILD_DIR) with Ninja.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${PIPEWRIGHT_BUILD_DIR:-build}"
build_type="${PIPEWRIGHT_BUILD_TYPE:-RelWithDebInfo}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "$@" > /dev/null
cmake --build "$build_dir"
