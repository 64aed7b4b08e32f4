#!/usr/bin/env bash
# Installs what is missing, builds Pipewright and runs the main job (scripts/run-example.sh):
# with a display, the desktop app opened on an example pipeline; without one, the example run
# with pwctl against the embedded store, printing its result.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
./scripts/build.sh
exec ./scripts/run-example.sh
