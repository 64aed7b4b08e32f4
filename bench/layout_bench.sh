#!/usr/bin/env bash
# The layered layout of the run graph and the editor on generated pipelines (300 and 2,000
# jobs) and on the shared layered DAG workload, in milliseconds per layout. The benchmark
# builds its own optimised copy of core/layout, so any build tree will do.
#
# Usage: bench/layout_bench.sh [RUNS] [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="${PIPEWRIGHT_SHARED:-$root/../shared}"
runs="${1:-20}"
build="${2:-$root/build}"

[ -f "$build/build.ninja" ] || { echo "configure $build first (scripts/build.sh)" >&2; exit 2; }
nice ninja -C "$build" -j2 layout_bench > /dev/null
bench="$(find "$build" -name layout_bench -type f -perm -u+x | head -n 1)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dags=()
if [ -f "$shared/bench/gen_dag.py" ]; then
    python3 "$shared/bench/gen_dag.py" "$work/dags" > /dev/null
    dags=("$work/dags/layered/dag.json" "$work/dags/chain/dag.json")
fi
"$bench" --runs "$runs" "${dags[@]}"
