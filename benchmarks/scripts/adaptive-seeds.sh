#!/usr/bin/env bash
# benchmarks/scripts/adaptive.sh for several stream orders, one after the other (never two at once: the machine is
# shared and each run is CPU heavy). Output per seed under PREFIX-seedSEED/ (summary.md there).
# Usage: benchmarks/scripts/adaptive-seeds.sh PREFIX SEED...   e.g. benchmarks/results/adaptive-final 21 34 55 7 13
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=$1
shift
for seed in "$@"; do
  out="$prefix-seed$seed"
  mkdir -p "$out"
  benchmarks/scripts/adaptive.sh "$seed" "$out" "$out/summary.md" > "$out/run.log" 2>&1
done
