#!/usr/bin/env bash
# topoformer-sample with the temperature over the whole memory-aware logit, (s - W term) / T, against the decoder before
# (s / T - W term), on held-out layered sets of 500, 1000 and 2000 ops: v = 8600N and x = 8800N (also in
# docs/results/memory-aware-decoding.md) and the fresh y = 9500N and z = 9600N, 10 graphs each.
# Usage: temperature-scaling.sh SCHEDULER_BIN OUT_DIR [LABEL (default new)] [EXTRA compare ARGS...]
#   -> OUT_DIR/SETSIZE-LABEL.json (topoformer, topoformer-sample rows without orders) and OUT_DIR/SETSIZE-heuristics.json
# The "before" rows (SETSIZE-w1.json, and -w2/-w4/-w8 with --memory-weight 2/4/8) were made with the build before the
# change: temperature-scaling.sh OLD_BIN OUT_DIR w2 --memory-weight 2. Summary: temperature_scaling_summary.py OUT_DIR.
set -euo pipefail
bin=$1; out=$2; label=${3:-new}; shift $(( $# < 3 ? $# : 3 ))
scratch=${SCRATCH:-/tmp/temperature-scaling}
mkdir -p "$out"
strip='import json,sys; json.dump([{k: v for k, v in r.items() if k != "order"} for r in json.load(sys.stdin)], sys.stdout)'
for set in v:86 x:88 y:95 z:96; do
  IFS=: read -r name prefix <<< "$set"
  for n in 500 1000 2000; do
    dir="$scratch/$name$n"; mkdir -p "$dir"
    "$bin" generate layered --nodes "$n" --count 10 --seed "${prefix}00$n" --out "$dir" > /dev/null 2>&1
    [[ -s "$out/$name$n-heuristics.json" ]] || "$bin" compare "$dir" --methods input,bfs,dfs,lpmf,inductor-bfs,inductor-dfs,xla-list,xla-dfs,post-order --json \
      | python3 -c "$strip" > "$out/$name$n-heuristics.json"
    [[ -s "$out/$name$n-$label.json" ]] || "$bin" compare "$dir" --methods topoformer-sample,topoformer "$@" --json \
      | python3 -c "$strip" > "$out/$name$n-$label.json"
  done
done
