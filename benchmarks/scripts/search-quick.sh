#!/usr/bin/env bash
# A quicker stand-in for restarts.sh while trying search variants: `best` without the exact stage (exact and cpsat run
# after local, start from its order and, at 500 and 1000 ops, return it unchanged), so local starts from the same
# incumbent as in the full pass. Peaks are work-budget results, the same at any load. Records local's message.
# Usage: search-quick.sh SCHEDULER_BIN OUT_DIR SEED_PREFIX EFFORT "SIZES" -> OUT_DIR/e{EFFORT}.csv (graph,ops,effort,peak,status,local_message)
set -uo pipefail
bin=$1; out=$2; prefix=$3; effort=$4; sizes=$5
mkdir -p "$out/graphs"
config="$out/no-exact.yaml"
cat > "$config" <<YAML
methods: [input, bfs, dfs, lpmf, inductor-bfs, inductor-dfs, xla-list, xla-dfs, post-order, topoformer, topoformer-sample, beam, local]
time_budget_seconds: 600
YAML
csv="$out/e$effort.csv"
[ -f "$csv" ] || echo "graph,ops,effort,peak,status,local_message" > "$csv"
for n in $sizes; do
  "$bin" generate layered --nodes "$n" --count 5 --seed "$prefix$n" --out "$out/graphs" > /dev/null 2>&1
  for f in "$out"/graphs/layered-"$n"-*.json; do
    "$bin" schedule "$f" --config "$config" --effort "$effort" --json 2>/dev/null | python3 -c "
import json, sys
d = json.load(sys.stdin)
local = next((c.get('message', '') for c in d['candidates'] if c['method'] == 'local'), '')
print(f\"{d['graph']},{len(d['order'])},$effort,{d['peak_bytes']},{d['status']}{'(capped)' if d.get('capped') else ''},\\\"{local}\\\"\")" >> "$csv"
  done
done
