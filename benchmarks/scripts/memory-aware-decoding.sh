#!/usr/bin/env bash
# Memory-aware Topoformer decoding (--memory-weight) against the paper's decoder (weight 0), shipped checkpoint, on
# held-out layered graphs: set h = seeds 8500N (8 graphs a size, where the weight was chosen), v = 8600N and w = 8700N
# (10 a size). Every cheap heuristic, topoformer (greedy) and topoformer-sample (best of 16, T = 0.5) per graph, at
# weights 0 and 1; the rows go to benchmarks/results/memory-aware-decoding/raw/SETSIZE-wW.json and the table to
# stdout (benchmarks/scripts/memory_aware_summary.py). About 10 minutes on 2 cores.
# Usage: benchmarks/scripts/memory-aware-decoding.sh SCHEDULER_BIN [SCRATCH (default /tmp/memory-aware)]
set -euo pipefail
bin=$1; scratch=${2:-/tmp/memory-aware}
cd "$(dirname "$0")/../.."
raw=benchmarks/results/memory-aware-decoding/raw
mkdir -p "$raw"
methods=input,bfs,dfs,lpmf,inductor-bfs,inductor-dfs,xla-list,xla-dfs,post-order,topoformer,topoformer-sample
for set in h:85:8 v:86:10 w:87:10; do
  IFS=: read -r name prefix count <<< "$set"
  for n in 500 1000 2000; do
    dir="$scratch/$name$n"
    mkdir -p "$dir"
    "$bin" generate layered --nodes "$n" --count "$count" --seed "${prefix}00$n" --out "$dir" > /dev/null 2>&1
    for weight in 0 1; do
      "$bin" compare "$dir" --methods "$methods" --memory-weight "$weight" --json \
        | python3 -c "import json,sys; json.dump([{k: v for k, v in r.items() if k != 'order'} for r in json.load(sys.stdin)], sys.stdout, indent=1)" \
        > "$raw/$name$n-w$weight.json"
    done
  done
done
python3 benchmarks/scripts/memory_aware_summary.py "$raw"
