#!/usr/bin/env bash
# Pipewright's cache next to the usual ways of keeping a folder between builds: a tree like
# node_modules (20,000 files, about 150 MB, from the shared gen_tree.py) saved and restored by
# `pwctl run` with a cache, by tar with zstd, and by cp -a, in one go, with the ratio of each
# restore to Pipewright's.
#
# Usage: bench/cache_bench.sh [RUNS]   (needs hyperfine, zstd and a built pwctl)
#
# As root, Pipewright copies cache files instead of hard-linking them (a root job could
# change the stored copy in place; see docs/caching.md). The figures are for the usual
# case, an ordinary user, so as root the script runs itself as `nobody` unless
# PIPEWRIGHT_BENCH_AS_ROOT=1 asks for the root figures.
set -euo pipefail
if [ "$(id -u)" -eq 0 ] && [ "${PIPEWRIGHT_BENCH_AS_ROOT:-0}" != 1 ]; then
    exec runuser -u nobody -- env PATH="$PATH" TMPDIR=/tmp \
        PIPEWRIGHT_SHARED="${PIPEWRIGHT_SHARED:-}" PWCTL="${PWCTL:-}" bash "$0" "$@"
fi
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="${PIPEWRIGHT_SHARED:-$root/../shared}"
pwctl="${PWCTL:-$root/build/app/pwctl/pwctl}"
runs="${1:-5}"

[ -f "$shared/bench/gen_tree.py" ] || { echo "needs $shared/bench/gen_tree.py" >&2; exit 2; }
[ -x "$pwctl" ] || { echo "build pwctl first (scripts/build.sh), or set PWCTL" >&2; exit 2; }
for tool in hyperfine zstd tar; do
    command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 2; }
done

# One folder for everything, so that the store, the trees and the archive share a file
# system (hard links and reflinks work only within one).
work="$(mktemp -d "${TMPDIR:-/tmp}/cache-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data"
export PIPEWRIGHT_DB="$work/history.sqlite"
src="$work/src"
mkdir -p "$src"
python3 "$shared/bench/gen_tree.py" "$src/node_modules" > "$work/tree.txt"
files=$(find "$src/node_modules" -type f | wc -l)
size=$(du -sm "$src/node_modules" | cut -f1)

# Each prepare step ends with sync, so that no command pays for writing back what the one
# before it left dirty.
# Saving: a job that only leaves the tree behind, with nothing in the cache yet. Restoring:
# the same key again with skip_on_hit, so the run is the lookup and the restore.
cat > "$src/save.yml" <<YAML
name: cache-save
stages:
  - name: all
    jobs:
      - name: save
        cache: {key: bench, paths: [node_modules], policy: push}
        commands: ["true"]
YAML
cat > "$src/restore.yml" <<YAML
name: cache-restore
stages:
  - name: all
    jobs:
      - name: restore
        cache: {key: bench, paths: [node_modules], policy: pull, skip_on_hit: true}
        commands: ["true"]
YAML

cp -a "$src/node_modules" "$work/pristine"
tar -C "$work/pristine" -I 'zstd -T0 -3' -cf "$work/tree.tar.zst" .
"$pwctl" run "$src/save.yml" > /dev/null 2>&1

hyperfine --style none --runs "$runs" --warmup 1 --export-json "$work/save.json" \
    --prepare "'$pwctl' cache clear > /dev/null; sync" \
    -n "pwctl save" "'$pwctl' run '$src/save.yml'" \
    --prepare "rm -f '$work/out.tar.zst'; sync" \
    -n "tar+zstd create" "tar -C '$work/pristine' -I 'zstd -T0 -3' -cf '$work/out.tar.zst' ." \
    --prepare "rm -rf '$work/copy'; sync" \
    -n "cp -a (save)" "cp -a '$work/pristine' '$work/copy'" > /dev/null

"$pwctl" run "$src/save.yml" > /dev/null 2>&1
hyperfine --style none --runs "$runs" --warmup 1 --export-json "$work/restore.json" \
    --prepare "rm -rf '$src/node_modules'; sync" \
    -n "pwctl restore" "'$pwctl' run '$src/restore.yml'" \
    --prepare "rm -rf '$work/x' && mkdir '$work/x'; sync" \
    -n "tar+zstd extract" "tar -C '$work/x' -I zstd -xf '$work/tree.tar.zst'" \
    --prepare "rm -rf '$work/copy'; sync" \
    -n "cp -a (restore)" "cp -a '$work/pristine' '$work/copy'" > /dev/null

# The restored tree must be the tree: same names, same bytes.
rm -rf "$src/node_modules"
"$pwctl" run "$src/restore.yml" > /dev/null 2>&1
diff -r --no-dereference "$work/pristine" "$src/node_modules" > /dev/null \
    || { echo "the restored tree differs from the saved one" >&2; exit 1; }

printf 'tree: %s files, %s MB; archive %s MB; %s runs each\n\n' "$files" "$size" \
    "$(du -m "$work/tree.tar.zst" | cut -f1)" "$runs"
python3 - "$work/save.json" "$work/restore.json" <<'PY'
import json, sys
rows = []
for path in sys.argv[1:]:
    rows += json.load(open(path))["results"]
by = {r["command"]: r for r in rows}
print("| operation | median (s) | vs Pipewright |")
print("|---|---|---|")
for group, ours in (("save", "pwctl save"), ("restore", "pwctl restore")):
    for r in rows:
        name = r["command"]
        if (group == "save") != (name in ("pwctl save", "tar+zstd create", "cp -a (save)")):
            continue
        ratio = r["median"] / by[ours]["median"]
        print(f"| {name} | {r['median']:.3f} | {ratio:.1f}x |")
tar, ours = by["tar+zstd extract"]["median"], by["pwctl restore"]["median"]
print(f"\nrestore: pwctl is {tar / ours:.1f}x faster than extracting the tar "
      f"(goal: at least 10x)")
PY
