#!/usr/bin/env bash
# Builds Pipewright and its Debian package: build/pipewright_VERSION_ARCH.deb (or in
# $PIPEWRIGHT_BUILD_DIR). Install it with `sudo apt install ./build/pipewright_*.deb`.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${PIPEWRIGHT_BUILD_DIR:-build}"
./scripts/install-deps.sh
./scripts/build.sh
(cd "$build_dir" && cpack -G DEB)
ls "$build_dir"/pipewright_*.deb
