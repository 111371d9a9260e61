#!/usr/bin/env bash
# Issue 10's quality targets for one or more Topoformer checkpoints, on held-out layered graphs (COUNT each of 500,
# 1000 and 2000 ops, seed PREFIX followed by the size, e.g. 8300500: seeds no bundled dataset or training run uses).
# Every heuristic, `local` (default budget) and, per checkpoint, `topoformer` and `topoformer-sample` (K = 16,
# default temperature) are run by `scheduler compare --json`; the cost is peak / max(working-set, cut bound).
# Usage: topoformer-targets.sh SCHEDULER_BIN OUT_DIR PREFIX COUNT NAME=MODEL_DIR [NAME=MODEL_DIR ...]
#   -> OUT_DIR/rows.csv (size,graph,method,peak,bound,ratio) and a summary on stdout (topoformer-targets.py).
set -euo pipefail
bin=$(realpath "$1"); out=$2; prefix=$3; count=$4; shift 4
mkdir -p "$out"
heuristics=$("$bin" methods 2>/dev/null | awk -F'│' '$3 ~ /heuristic/ {gsub(/ /, "", $2); printf "%s%s", sep, $2; sep=","}')
for n in 500 1000 2000; do
  [ -d "$out/graphs/$n" ] || "$bin" generate layered --nodes $n --count "$count" --seed "$prefix$n" --out "$out/graphs/$n" > /dev/null 2>&1
  [ -f "$out/baselines-$n.json" ] || "$bin" compare "$out/graphs/$n" --methods "$heuristics,local" --time-limit 900 --json > "$out/baselines-$n.json" 2> /dev/null
  for spec in "$@"; do
    name=${spec%%=*}; model=${spec#*=}
    [ -f "$out/$name-$n.json" ] || "$bin" compare "$out/graphs/$n" --methods topoformer,topoformer-sample --model "$model" --time-limit 900 --json > "$out/$name-$n.json" 2> /dev/null
  done
done
python3 "$(dirname "$0")/topoformer-targets.py" "$out" "$@"
