#!/usr/bin/env bash
# Installs what is missing, builds Pipewright and runs the main job: with a display, the
# desktop app opened on an example pipeline; without one, the example run with pwctl against
# the embedded store, printing its result.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
./scripts/build.sh

build_dir="${PIPEWRIGHT_BUILD_DIR:-build}"
example="examples/webapp/pipewright.yml"
app="$build_dir/app/pipewright/pipewright"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$app" ]; then
    exec "$app" "$example"
fi

echo
echo "Running $example (history: ${PIPEWRIGHT_DB:-the user's data folder})"
status=0
"$build_dir/app/pwctl/pwctl" run "$example" --logs --branch main || status=$?
"$build_dir/app/pwctl/pwctl" history --limit 5
exit $status
