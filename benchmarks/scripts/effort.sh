#!/usr/bin/env bash
# Peak of `scheduler schedule --method best` at two efforts on held-out layered graphs (seeds 7100200, 7100500 and
# 71001000: five graphs each of 200, 500 and 1000 ops, which no bundled dataset uses). The time limit is generous so
# that the work budgets, not the clock, end every method: the peaks are then the same at any machine load.
# Usage: effort.sh SCHEDULER_BIN [OUT_DIR]   -> OUT_DIR/effort.csv (graph,ops,effort,peak,status,winner,wall_s)
set -uo pipefail
bin=$1; out=${2:-benchmarks/results/effort}
mkdir -p "$out/graphs"
for n in 200 500 1000; do
  "$bin" generate layered --nodes $n --count 5 --seed 7100$n --out "$out/graphs" > /dev/null 2>&1
done
echo "graph,ops,effort,peak,status,winner,wall_s" > "$out/effort.csv"
for f in "$out"/graphs/*.json; do
  for effort in 1 6; do
    start=$(date +%s.%N)
    json=$("$bin" schedule "$f" --method best --effort $effort --time-limit 300 --json 2>/dev/null)
    end=$(date +%s.%N)
    echo "$json" | python3 -c "
import json, sys
d = json.load(sys.stdin)
print(f\"{d['graph']},{len(d['order'])},$effort,{d['peak_bytes']},{d['status']}{'(capped)' if d.get('capped') else ''},{d.get('winner','')},{$end - $start:.1f}\")" >> "$out/effort.csv"
  done
done
cat "$out/effort.csv"
