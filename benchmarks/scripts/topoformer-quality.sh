#!/usr/bin/env bash
# Quality of the shipped checkpoint under two builds (issue 10: dense masks vs sampled attention): held-out layered
# graphs the repository never uses (6 each of 500/1000/2000 ops, seeds 8100N; 3 of 8000 ops, seed 818000), run with
# `compare --methods topoformer,topoformer-sample --json` under each build, mean peak / max(working-set, cut bound).
# Usage: benchmarks/scripts/topoformer-quality.sh BEFORE_BIN AFTER_BIN [SCRATCH (default /tmp/topoformer-quality)]
#   e.g. BEFORE_BIN = a build of main, AFTER_BIN = a build of this branch (dotnet build src/Scheduler -c Release -o DIR).
# Writes benchmarks/results/topoformer-scale/quality.csv (one row per build, size, graph, method). About 15 minutes.
set -euo pipefail
before=$(realpath "$1"); after=$(realpath "$2"); scratch=${3:-/tmp/topoformer-quality}
cd "$(dirname "$0")/../.."
mkdir -p "$scratch" benchmarks/results/topoformer-scale
for n in 500 1000 2000; do
  [ -d "$scratch/$n" ] || "$after" generate layered --nodes $n --count 6 --seed 8100$n --out "$scratch/$n" > /dev/null 2>&1
done
[ -d "$scratch/8000" ] || "$after" generate layered --nodes 8000 --count 3 --seed 818000 --out "$scratch/8000" > /dev/null 2>&1
for build in before after; do
  bin=$before; [ $build = after ] && bin=$after
  for n in 500 1000 2000 8000; do
    "$bin" compare "$scratch/$n" --methods topoformer,topoformer-sample --json > "$scratch/$build-$n.json" 2> /dev/null
  done
done
python3 - "$scratch" <<'PY'
import csv, json, statistics, sys
scratch = sys.argv[1]
rows = []
for build in ("before", "after"):
    for n in (500, 1000, 2000, 8000):
        for r in json.load(open(f"{scratch}/{build}-{n}.json")):
            bound = max(r["lower_bound_bytes"], r["cut_bound_bytes"])
            rows.append([build, n, r["graph"], r["method"], r["peak_bytes"], bound, round(r["peak_bytes"] / bound, 4)])
with open("benchmarks/results/topoformer-scale/quality.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["build", "ops", "graph", "method", "peak_bytes", "bound_bytes", "peak_over_bound"])
    w.writerows(rows)
for n in (500, 1000, 2000, 8000):
    for m in ("topoformer", "topoformer-sample"):
        means = [statistics.mean(r[6] for r in rows if r[0] == b and r[1] == n and r[3] == m) for b in ("before", "after")]
        print(f"{n:5d} {m:18s} before {means[0]:.4f} after {means[1]:.4f}")
PY
