#!/usr/bin/env bash
# Builds the fuzzers and runs each for a given time on its seed corpus (tests/fuzz/corpus),
# keeping what it finds in build-fuzz/corpus and crashes in build-fuzz/crashes.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_expression fuzz_pipeline fuzz_event)

cmake --preset fuzz > /dev/null
cmake --build --preset fuzz --target "${targets[@]}"
for target in "${targets[@]}"; do
    name="${target#fuzz_}"
    corpus="build-fuzz/corpus/$name"
    mkdir -p "$corpus" build-fuzz/crashes
    echo "== $target for ${seconds}s"
    "build-fuzz/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=build-fuzz/crashes/ "$corpus" "tests/fuzz/corpus/$name"
done
