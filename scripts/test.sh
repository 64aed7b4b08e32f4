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

status=0
ctest --test-dir "$build_dir" --output-on-failure -j2 --timeout 600 2>&1 \
    | tee "$scratch/ctest.log" || status=$?

# The suite again under AddressSanitizer and UBSan with PIPEWRIGHT_SANITIZERS=1. Not yet by
# default: it about doubles the time of this script, and CI's limit has not been measured
# with it on a cold machine.
if [ "${PIPEWRIGHT_SANITIZERS:-0}" = 1 ]; then
    ./scripts/sanitize.sh 2>&1 | tee "$scratch/sanitize.log" || status=1
fi

# How many of the shared GitLab conformance cases pass (the runner logs it), then ctest's
# verdict again, so that it stays the last line.
echo
grep -ho "conformance: .*" "$build_dir/Testing/Temporary/LastTest.log" | tail -n 1 || true
grep -h "^sanitizers, " "$scratch/sanitize.log" 2>/dev/null || true
grep -E "tests passed|tests failed out of" "$scratch/ctest.log" | tail -n 1 || true
exit $status
