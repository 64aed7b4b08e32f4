#!/usr/bin/env bash
# Takes the screenshots of the desktop app the README and the user guide show, into
# docs/screenshots/: builds only the screenshot program, then runs it under a virtual X
# server on an example (webapp unless given another pipeline file).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${PIPEWRIGHT_BUILD_DIR:-build}"
example="${1:-examples/webapp/pipewright.yml}"
./scripts/install-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${PIPEWRIGHT_BUILD_TYPE:-RelWithDebInfo}" \
    > /dev/null
cmake --build "$build_dir" --target pw-screenshots

# No desktop theme and no scaling, so that the pictures do not depend on the machine.
export QT_QPA_PLATFORMTHEME="" QT_SCALE_FACTOR=1
xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" \
    "$build_dir/tests/examples/pw-screenshots" docs/screenshots "$example"
