#!/usr/bin/env bash
# Issue 11's check: on held-out layered graphs (five each of 200, 500 and 1000 ops; seeds 7100N, which no bundled
# dataset uses; another prefix as the fifth argument), is `best --effort 6` ever worse than an independent CP-SAT model (benchmarks/CpSatReference, its own
# code) given 60 s on 2 workers and hinted with `best`'s default-effort order?
# Usage: cpsat-reference.sh SCHEDULER_BIN REFERENCE_BIN [OUT_DIR] [SIZES] [SEED_PREFIX (default 7100)]
#   -> OUT_DIR/reference.csv (graph,ops,best1_peak,best6_peak,best6_status,ref_peak,ref_bound,ref_status,ref_wall_s,ref_det_s)
# The pass's peaks do not depend on load (work budgets); the reference's 60 s are wall clock, so quote the load.
set -uo pipefail
bin=$1; ref=$2; out=${3:-benchmarks/results/cpsat-reference}; sizes=${4:-"200 500 1000"}; prefix=${5:-7100}
mkdir -p "$out/graphs" "$out/runs"
for n in $sizes; do
  "$bin" generate layered --nodes "$n" --count 5 --seed "$prefix$n" --out "$out/graphs" > /dev/null 2>&1
done
csv="$out/reference.csv"
echo "graph,ops,best1_peak,best6_peak,best6_status,ref_peak,ref_bound,ref_status,ref_wall_s,ref_det_s" > "$csv"
for n in $sizes; do
  for f in "$out"/graphs/layered-"$n"-*.json; do
    g=$(basename "$f" .json)
    "$bin" schedule "$f" --method best --json 2> /dev/null > "$out/runs/$g.best1.json"
    "$bin" schedule "$f" --method best --effort 6 --time-limit 60 --json 2> /dev/null > "$out/runs/$g.best6.json"
    "$ref" "$f" --hint "$out/runs/$g.best1.json" --seconds 60 --workers 2 > "$out/runs/$g.ref.json"
    python3 - "$out/runs/$g" "$n" >> "$csv" <<'PY'
import json, sys
stem, n = sys.argv[1], sys.argv[2]
b1 = json.load(open(stem + ".best1.json")); b6 = json.load(open(stem + ".best6.json")); r = json.load(open(stem + ".ref.json"))
status6 = b6["status"] + ("(capped)" if b6.get("capped") else "")
print(f"{b1['graph']},{n},{b1['peak_bytes']},{b6['peak_bytes']},{status6},{r.get('peak_bytes','')},{r.get('bound_bytes','')},{r['status']},{r['wall_s']},{r.get('deterministic_s','')}")
PY
    tail -n 1 "$csv"
  done
done
