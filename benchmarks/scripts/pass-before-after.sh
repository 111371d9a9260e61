#!/usr/bin/env bash
# Runs `scheduler schedule FILE --json` (the pass, default options) with two builds on every bundled graph, one after
# the other per graph so machine load hits both alike; prints CSV: graph,ops,build,wall_s,peak,status,winner.
# Usage: pass-before-after.sh OLD_BIN NEW_BIN > out.csv
set -uo pipefail
old=$1; new=$2
cd "$(dirname "$0")/../.."
echo "graph,ops,build,wall_s,peak,status,winner"
for f in $(find datasets -name '*.json' -o -name '*.onnx' | grep -v '/tools/' | sort); do
  for build in old new; do
    bin=$old; [ "$build" = new ] && bin=$new
    start=$(date +%s.%N)
    out=$("$bin" schedule "$f" --json 2>/dev/null) || { echo "$f,,$build,,,error,"; continue; }
    end=$(date +%s.%N)
    python3 - "$f" "$build" "$start" "$end" "$out" <<'PY'
import json, sys
f, build, start, end, out = sys.argv[1:]
d = json.loads(out)
win = d.get("winner") or next((c.get("message", "") for c in [d] if "won by" in c.get("message", "")), "")
msg = ""
for c in d.get("candidates", []):
    pass
print(f"{f},{len(d['order'])},{build},{float(end)-float(start):.2f},{d['peak_bytes']},{d['status']},")
PY
  done
done
