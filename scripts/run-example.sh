#!/usr/bin/env bash
# Runs the main job on a built tree: with a display, the desktop app opened on an example
# pipeline; without one, the example run with pwctl against the embedded store, printing its
# result and the latest runs of the history. The build folder is $PIPEWRIGHT_BUILD_DIR, or
# build/.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${PIPEWRIGHT_BUILD_DIR:-build}"
example="examples/webapp/pipewright.yml"
app="$build_dir/app/pipewright/pipewright"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$app" ]; then
    exec "$app" "$example"
fi

history="${PIPEWRIGHT_DB:-the data folder of this user}"
echo
echo "Running $example (history: $history)"
status=0
"$build_dir/app/pwctl/pwctl" run "$example" --logs --branch main || status=$?
"$build_dir/app/pwctl/pwctl" history --limit 5
exit $status
