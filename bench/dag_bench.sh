#!/usr/bin/env bash
# The orchestrator's own cost next to ninja's: the shared DAG workloads (2,000 independent
# jobs, a chain of 500, a 20-layer DAG of 1,000, a 40-job sleep DAG) run by ninja -j2 and by
# pwctl --jobs 2 with history recorded, in one go, and the ratio of their median wall times.
#
# Usage: bench/dag_bench.sh [RUNS]   (needs hyperfine, ninja and a built pwctl)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="${PIPEWRIGHT_SHARED:-$root/../shared}"
pwctl="${PWCTL:-$root/build/app/pwctl/pwctl}"
runs="${1:-5}"

[ -f "$shared/bench/gen_dag.py" ] || { echo "needs $shared/bench/gen_dag.py" >&2; exit 2; }
[ -x "$pwctl" ] || { echo "build pwctl first (scripts/build.sh)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$shared/bench/gen_dag.py" "$work/dags" > "$work/meta.txt"

printf '| workload | jobs | ninja -j2 (s) | pwctl --jobs 2 (s) | ratio |\n'
printf '|---|---|---|---|---|\n'
for name in indep chain layered sleep; do
    dir="$work/dags/$name"
    python3 "$here/dag_to_pipeline.py" "$dir/dag.json" > "$dir/pipewright.yml"
    jobs=$(grep -c '^build ' "$dir/build.ninja")
    db="$work/$name.sqlite"
    hyperfine --style none --runs "$runs" --warmup 1 -N \
        --export-json "$work/$name.json" \
        --prepare "rm -f $dir/.ninja_log" -n ninja "ninja -C $dir -j2 --quiet" \
        -n pwctl "$pwctl run $dir/pipewright.yml --jobs 2 --db $db" > /dev/null
    python3 - "$work/$name.json" "$name" "$jobs" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ninja, pwctl = results["ninja"]["median"], results["pwctl"]["median"]
print(f"| {sys.argv[2]} | {sys.argv[3]} | {ninja:.3f} | {pwctl:.3f} | {pwctl / ninja:.2f} |")
PY
done
grep -i "lower bound\|critical" "$work/meta.txt" | sed 's/^/    /' >&2 || true
