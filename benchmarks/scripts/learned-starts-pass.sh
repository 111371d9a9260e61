#!/usr/bin/env bash
# The pass (`scheduler schedule FILE --json`, default options) with two builds on a few bundled layered graphs, one
# build after the other per graph so machine load hits both alike: before (learned methods beside the searches) and
# after (learned stage before the searches). Prints CSV: graph,ops,build,wall_s,peak,status,local_start,local_peak.
# Usage: learned-starts-pass.sh OLD_BIN NEW_BIN [FILES...] > out.csv
# The safety cap is 900 s (--time-limit), so that the work budgets, not the clock, end every method on a loaded machine
# (a "capped" status says when it did not).
set -uo pipefail
old=$1; new=$2; shift 2
cd "$(dirname "$0")/../.."
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(datasets/layered-500/layered-500-000.json datasets/layered-500/layered-500-001.json
  datasets/layered-1000/layered-1000-000.json datasets/layered-1000/layered-1000-001.json datasets/layered-2000/layered-2000-000.json)
echo "graph,ops,build,wall_s,peak,status,local_start,local_peak"
for f in "${files[@]}"; do
  for build in old new; do
    bin=$old; [ "$build" = new ] && bin=$new
    start=$(date +%s.%N)
    out=$("$bin" schedule "$f" --json --time-limit 900 2>/dev/null) || { echo "$f,,$build,,,error,,"; continue; }
    end=$(date +%s.%N)
    python3 - "$f" "$build" "$start" "$end" "$out" <<'PY'
import json, re, sys
f, build, start, end, out = sys.argv[1:]
d = json.loads(out)
local = next((c for c in d.get("candidates", []) if c.get("method") == "local"), {})
m = re.search(r"moves from (\S+) \(peak", local.get("message") or "")
print(f"{f},{len(d['order'])},{build},{float(end)-float(start):.1f},{d['peak_bytes']},{d['status']},{m.group(1) if m else ''},{local.get('peak_bytes','')}")
PY
  done
done
