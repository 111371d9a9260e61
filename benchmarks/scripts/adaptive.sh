#!/usr/bin/env bash
# The adaptive portfolio against the full pass on one mixed stream of bundled graphs (issue 13's done-when).
# Builds the stream — layered-100/500/1000/2000 (10 each), irregular (15), real (3) and the 10 model-zoo graphs of
# `compare`'s default set, 68 graphs — shuffles it with SEED (same seed, same order), and runs ONE
# `scheduler compare STREAM --methods best --adaptive --json` from an empty posterior: per graph the pass (`best`) and
# then the adaptive portfolio, one after the other, so both meet the same machine load. Writes the raw rows (and
# rows-summary.json without the orders), the stream, the load samples and the final posterior under OUT, and the
# summary to docs/results/adaptive.md.
# Usage: benchmarks/scripts/adaptive.sh [SEED] [OUT] [MD]   (default 13, benchmarks/results/adaptive, docs/results/adaptive.md)
set -euo pipefail
seed=${1:-13}
cd "$(dirname "$0")/../.."
out=${2:-benchmarks/results/adaptive}
md=${3:-docs/results/adaptive.md}
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes')
mkdir -p "$out/models"
dotnet build src/Scheduler/Scheduler.csproj -c Release -v q -nologo > "$out/build.log"
bin=src/Scheduler/bin/Release/net10.0/scheduler

# The model-zoo graphs of compare's default set, exported as JSON (family "models").
while read -r name phase args; do
  # shellcheck disable=SC2086
  "$bin" models export "$name" --phase "$phase" $args --out "$out/models/$name-$phase${args// /}.json" > /dev/null
done <<'MODELS'
llama2-7b-chat decode --context 1024
llama2-7b-chat spec-verify --context 1024 --draft 4
llama2-chat-drafter-115m spec-step --context 1024 --draft 4
llava-1.5-7b prefill --seq 64
llava-drafter-115m-adapter prefill --seq 64
opt-125m tree-verify --context 512 --tree 16
opt-13b spec-step --context 512 --draft 4
llama2-chat-drafter-115m train-step --seq 512
opt-125m train-step --seq 256
llava-drafter-115m-adapter train-step --seq 128
MODELS

python3 - "$seed" "$out" > "$out/stream.tsv" <<'PY'
import glob, os, random, sys
seed, out = int(sys.argv[1]), sys.argv[2]
take = {"layered-100": 10, "layered-500": 10, "layered-1000": 10, "layered-2000": 10, "irregular": 15, "real": 3}
stream = []
for family, n in take.items():
    stream += [(family, p) for p in sorted(glob.glob(f"datasets/{family}/*.json"))[:n]]
stream += [("models", p) for p in sorted(glob.glob(f"{out}/models/*.json"))]
random.Random(seed).shuffle(stream)
for family, p in stream:
    print(f"{os.path.splitext(os.path.basename(p))[0]}\t{family}\t{p}")
PY

# Machine load every 15 s while it runs (the machine is shared; wall times are only comparable within this run).
( while true; do echo "$(date +%s) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 15; done ) > "$out/load.txt" &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT
rm -f "$out/posterior.json"
start=$(date +%s)
# shellcheck disable=SC2046
"$bin" compare $(cut -f3 "$out/stream.tsv") --methods best --adaptive --seed "$seed" --json \
  --posterior "$out/posterior.json" > "$out/rows.json" 2> "$out/compare.log"
end=$(date +%s)
kill $sampler 2>/dev/null || true

# The rows without their orders (the full rows.json, orders included, stays out of git).
python3 -c 'import json,sys; rows=json.load(open(sys.argv[1])); [r.pop("order",None) for r in rows]; json.dump(rows,open(sys.argv[2],"w"),indent=1)' \
  "$out/rows.json" "$out/rows-summary.json"
python3 benchmarks/scripts/adaptive_summary.py "$out" "$seed" "$start" "$end" "$(nproc)" "$commit" > "$md"
echo "wrote $md"
