#!/usr/bin/env bash
# Peak of `scheduler schedule --method best` at one effort on held-out layered graphs (five graphs each of the given
# sizes, seed PREFIX followed by the size, e.g. 9100500: seeds no bundled dataset uses). The time limit is generous so
# that the work budgets, not the clock, end every method: the peaks are then the same at any machine load.
# Usage: restarts.sh SCHEDULER_BIN OUT_DIR SEED_PREFIX EFFORT TIME_LIMIT "SIZES"
#   -> OUT_DIR/e{EFFORT}.csv (graph,ops,effort,peak,status,winner,wall_s)
set -uo pipefail
bin=$1; out=$2; prefix=$3; effort=$4; limit=$5; sizes=$6
mkdir -p "$out/graphs"
csv="$out/e$effort.csv"
[ -f "$csv" ] || echo "graph,ops,effort,peak,status,winner,wall_s" > "$csv"
for n in $sizes; do
  "$bin" generate layered --nodes "$n" --count 5 --seed "$prefix$n" --out "$out/graphs" > /dev/null 2>&1
  for f in "$out"/graphs/layered-"$n"-*.json; do
    start=$(date +%s.%N)
    json=$("$bin" schedule "$f" --method best --effort "$effort" --time-limit "$limit" --json 2>/dev/null)
    end=$(date +%s.%N)
    echo "$json" | python3 -c "
import json, sys
d = json.load(sys.stdin)
print(f\"{d['graph']},{len(d['order'])},$effort,{d['peak_bytes']},{d['status']}{'(capped)' if d.get('capped') else ''},{d.get('winner','')},{$end - $start:.1f}\")" >> "$csv"
  done
done
