#!/usr/bin/env bash
# A checkpoint trained with memory_weight > 0 (benchmarks/results/train-memory-aware) against the shipped one, both
# decoded memory-aware at the default weight 1, on the held-out layered sets of the memory-aware decoding study
# (h = 8500N 8 a size, v = 8600N, w = 8700N, x = 8800N 10 a size) at 500, 1000 and 2000 ops: every cheap heuristic
# once, then per model topoformer (greedy) and topoformer-sample (best of 16) at T = 0.5 (the default) and T = 1 (the
# temperature the policy was trained at), and local (default budget) at 500 ops. Rows go to
# benchmarks/results/memory-aware-training/raw/SETSIZE-NAME.json; the table (memory_aware_training_summary.py) to stdout.
# Usage: benchmarks/scripts/memory-aware-training.sh SCHEDULER_BIN NEW_MODEL_DIR [SCRATCH (default /tmp/memory-aware-training)]
# (BASE_ONLY=1: only the heuristics, local and the shipped model, e.g. while the new one still trains; RAW=DIR: rows go
# there instead, e.g. a copy of this folder's heuristic and shipped rows so that only the new model runs.)
set -euo pipefail
bin=$1; model=$(realpath "$2"); scratch=${3:-/tmp/memory-aware-training}
cd "$(dirname "$0")/../.."
raw=${RAW:-benchmarks/results/memory-aware-training/raw}
mkdir -p "$raw"
heuristics=input,bfs,dfs,lpmf,inductor-bfs,inductor-dfs,xla-list,xla-dfs,post-order
strip='import json,sys; json.dump([{k: v for k, v in r.items() if k != "order"} for r in json.load(sys.stdin)], sys.stdout, indent=1)'
run() { # OUT_NAME ARGS...: one compare into raw/OUT_NAME.json, skipped when it exists (so a run can be continued)
  local out="$raw/$1.json"; shift
  [[ -s "$out" ]] && return
  "$bin" compare "$@" --json | python3 -c "$strip" > "$out.tmp" && mv "$out.tmp" "$out"
}
for set in h:85:8 v:86:10 w:87:10 x:88:10; do
  IFS=: read -r name prefix count <<< "$set"
  for n in 500 1000 2000; do
    dir="$scratch/$name$n"
    mkdir -p "$dir"
    "$bin" generate layered --nodes "$n" --count "$count" --seed "${prefix}00$n" --out "$dir" > /dev/null 2>&1
    run "$name$n-heuristics" "$dir" --methods "$heuristics"
    [[ $n == 500 ]] && run "$name$n-local" "$dir" --methods local
    for t in 0.5 1; do
      run "$name$n-shipped-t$t" "$dir" --methods topoformer,topoformer-sample --temperature "$t"
      [[ -n ${BASE_ONLY:-} ]] || run "$name$n-trained-t$t" "$dir" --methods topoformer,topoformer-sample --temperature "$t" --model "$model"
    done
  done
done
python3 benchmarks/scripts/memory_aware_training_summary.py "$raw"
