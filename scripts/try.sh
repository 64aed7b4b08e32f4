#!/usr/bin/env bash
# Installs what is missing, builds Pipewright and runs an example pipeline with pwctl
# against the embedded store, printing its result.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
./scripts/build.sh

build_dir="${PIPEWRIGHT_BUILD_DIR:-build}"
example="examples/hello/pipewright.yml"
echo
echo "Running $example (history: ${PIPEWRIGHT_DB:-the user's data folder})"
status=0
"$build_dir/app/pwctl/pwctl" run "$example" --logs || status=$?
"$build_dir/app/pwctl/pwctl" history --limit 5
exit $status
