#!/usr/bin/env bash
# Builds and runs the test suite under the sanitizers: the whole suite with AddressSanitizer
# and UndefinedBehaviorSanitizer (preset asan, build-asan/), then the suites that exercise
# threads with ThreadSanitizer (preset tsan, build-tsan/). Child processes (pwctl, the job
# supervisor, the store writer helper, the test job) are built the same way and write their
# reports into one folder; any report there fails the run, whatever the test's own verdict.
# Usage: scripts/sanitize.sh [asan|tsan|all]   (asan without an argument)
#
# tsan covers the core: the executor and every thread it hands work to. Debian's Qt is not
# built with ThreadSanitizer, so the core passes work between threads only through
# core/threads (a mailbox or a pool task), whose hand-overs are annotated, and every program
# starts its child processes with a fork the sanitizer follows (tests/sanitizers/
# tsanclone.cpp). The GUI's own threads (StoreReader, QtConcurrent in the widgets) still use
# Qt's queued calls and are not on the list.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
which="${1:-asan}"

# The suites that start threads or drive code that does, and why each is here.
tsan_tests=(
    tst_mailbox         # the hand-over itself: order, waiting, deletion, pool tasks
    tst_executor        # the executor with the store writer thread and job processes
    tst_executorgates   # gates decided while the coordination worker polls
    tst_jobsupervisor   # the supervisor's process tree, watched from the executor
    tst_store           # StoreWriter/StoreWorker and pw-storewriter processes
    tst_storehistory    # history read and written through the writer thread
    tst_gatestore       # two threads deciding one gate at the same time
    tst_gatecommands    # pwctl processes with coordination workers, on PostgreSQL
    tst_pwctl           # pwctl run: executor, writer and coordination threads together
    tst_pwctlretry      # retries recorded through the writer thread
    tst_files           # parallel restore threads, the stager's thread pool, garbage
    tst_filerun         # artifacts and cache entries staged on a pool during a run
    tst_branchwatcher   # git read on the watcher's pool while the loop goes on
    tst_redisnotify     # notifications sent while runs finish
    tst_eventscommand   # pwctl events against redis
)

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
reports="$scratch/reports"
mkdir -p "$reports"
supp="$root/tests/sanitizers"
# Tests keep their history and data away from the user's own.
export XDG_DATA_HOME="$scratch/data" PIPEWRIGHT_DB="$scratch/data/history.sqlite"

# Reports go to files named after the program and its process id: a child's report would
# otherwise vanish into a job log or a QProcess buffer.
common="log_path=$reports/report:log_exe_name=1"
# With GCC, UBSan is a runtime of its own that prints to stderr whatever log_path says. So it
# aborts on its first finding, and ASan turns that abort into a report file with the stack of
# the failed check (this also catches a qFatal or a failed assertion). Its log_path matters
# all the same: UBSan's start-up sets ASan's report path from it.
export ASAN_OPTIONS="$common:detect_leaks=1:halt_on_error=1:handle_abort=1"
export ASAN_OPTIONS="$ASAN_OPTIONS:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="$common:print_stacktrace=1:halt_on_error=1:abort_on_error=1"
# Qt's own code is not instrumented: its reads and writes, and the locks it takes inside, are
# not ours to judge (without this, QWaitCondition and glib internals are reported).
export TSAN_OPTIONS="$common:suppressions=$supp/tsan.supp:second_deadlock_stack=1"
export TSAN_OPTIONS="$TSAN_OPTIONS:ignore_noninstrumented_modules=1"

# Prints every report written since the last call and fails if there was one.
check_reports() {
    local found=0 report
    for report in "$reports"/*; do
        [ -e "$report" ] || continue
        found=1
        echo "== sanitizer report: $(basename "$report")"
        cat "$report"
        mv "$report" "$scratch/seen-$(basename "$report")"
    done
    return $found
}

# ThreadSanitizer must report the race planted in pw_planted_race; a run that could not see
# one would pass for the wrong reason.
planted_race_is_reported() {
    "build-tsan/tests/sanitizers/pw_planted_race" > /dev/null 2>&1 || true
    if ! grep -qs "data race" "$reports"/report.pw_planted_race.*; then
        echo "== tsan: the planted race in pw_planted_race was not reported"
        return 1
    fi
    rm -f "$reports"/report.pw_planted_race.*
    echo "== tsan: the planted race was reported, as it must be"
}

verdicts=()
status=0

# Builds `preset` (the given targets, or everything) and runs ctest with `ctest_args`.
run_preset() {
    local preset="$1" dir="build-$1" result=0 started
    shift
    started=$(date +%s)
    echo "== $preset: building"
    cmake --preset "$preset" -DPIPEWRIGHT_BUILD_TESTS=ON > /dev/null
    nice ninja -C "$dir" -j2 "${build_targets[@]}" > "$scratch/$preset-build.log" \
        || { tail -n 50 "$scratch/$preset-build.log"; return 1; }
    echo "== $preset: built in $(($(date +%s) - started))s; running the tests"
    if [ "$preset" = tsan ]; then
        planted_race_is_reported || return 1
    fi

    started=$(date +%s)
    ctest --test-dir "$dir" --output-on-failure -j2 --timeout 900 "$@" 2>&1 \
        | tee "$scratch/$preset-ctest.log" || result=$?
    check_reports || result=1
    local verdict
    verdict=$(grep -E "tests passed|tests failed out of" "$scratch/$preset-ctest.log" | tail -n 1)
    verdicts+=("sanitizers, $preset: ${verdict:-no verdict} in $(($(date +%s) - started))s")
    return $result
}

if [ "$which" = all ] || [ "$which" = asan ]; then
    build_targets=()
    run_preset asan || status=1
fi
if [ "$which" = all ] || [ "$which" = tsan ]; then
    build_targets=("${tsan_tests[@]}" pw_planted_race)
    regex="^($(IFS='|'; echo "${tsan_tests[*]}"))\$"
    run_preset tsan -R "$regex" || status=1
fi

echo
printf '%s\n' "${verdicts[@]}"
exit $status
