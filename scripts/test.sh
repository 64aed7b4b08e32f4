#!/usr/bin/env bash
# Installs what is missing, builds Pipewright with its tests and runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
script_started=$(date +%s)

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

# Then the suite again under AddressSanitizer and UBSan, and the core's threaded suites under
# ThreadSanitizer (PIPEWRIGHT_SANITIZERS=0 leaves them out). CI stops a run at 90 minutes, and
# a stopped run proves nothing: when the steps above took more than 45 minutes the sanitizers
# are left out, and they are stopped 85 minutes after this script began; either way the
# summary says so.
sanitizer_note=""
elapsed=$(($(date +%s) - script_started))
if [ "${PIPEWRIGHT_SANITIZERS:-1}" = 0 ]; then
    sanitizer_note="sanitizers: not run (PIPEWRIGHT_SANITIZERS=0)"
elif [ "$elapsed" -gt $((${PIPEWRIGHT_SANITIZERS_START_BY_MINUTES:-45} * 60)) ]; then
    sanitizer_note="sanitizers: NOT RUN, the build and suite took $((elapsed / 60)) minutes"
else
    budget=$((${PIPEWRIGHT_SANITIZERS_END_BY_MINUTES:-85} * 60 - elapsed))
    set +e
    timeout --kill-after=60 "$budget" ./scripts/sanitize.sh all 2>&1 | tee "$scratch/sanitize.log"
    sanitized=${PIPESTATUS[0]}
    set -e
    if [ "$sanitized" = 124 ] || [ "$sanitized" = 137 ]; then
        sanitizer_note="sanitizers: STOPPED at the time limit after $((budget / 60)) minutes"
    elif [ "$sanitized" != 0 ]; then
        status=1
    fi
fi

# How many of the shared GitLab conformance cases pass (the runner logs it), then ctest's
# verdict again, so that it stays the last line.
echo
grep -ho "conformance: .*" "$build_dir/Testing/Temporary/LastTest.log" | tail -n 1 || true
grep -h "^sanitizers, " "$scratch/sanitize.log" 2>/dev/null || true
[ -z "$sanitizer_note" ] || echo "$sanitizer_note"
grep -E "tests passed|tests failed out of" "$scratch/ctest.log" | tail -n 1 || true
exit $status
