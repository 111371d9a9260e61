#!/usr/bin/env bash
# Topoformer at scale (issue 10): BenchmarkDotNet's TopoformerBenchmarks (encode, forward, greedy end to end on layered
# graphs of 1k/2k/8k/20k/50k ops, shipped checkpoint, warm) plus one `scheduler schedule --method topoformer --json`
# per size under /usr/bin/time -v for the whole command's wall time and peak RSS (libtorch start and checkpoint load
# included). Writes benchmarks/results/topoformer-scale/ (BenchmarkDotNet's report, the time -v files, load.txt);
# docs/results/topoformer-scale.md quotes them.
# Usage: benchmarks/scripts/topoformer-scale.sh [JOB (default short)] [SCRATCH (default /tmp/topoformer-scale)]
# Needs about 20 minutes on 2 cores with the short job. In-process: on the loaded machine BenchmarkDotNet's build of
# its boilerplate project passed its 2-minute timeout.
set -euo pipefail
job=${1:-short}
scratch=${2:-/tmp/topoformer-scale}
cd "$(dirname "$0")/../.."
out=benchmarks/results/topoformer-scale
mkdir -p "$out" "$scratch/graphs"
dotnet build src/Scheduler -c Release -o "$scratch/bin" > "$scratch/build.log"
: > "$out/schedule.txt"
{ echo "start: $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"; } > "$out/load.txt"
for n in 1000 2000 8000 20000 50000; do
  "$scratch/bin/scheduler" generate layered --nodes "$n" --count 1 --seed 42 --out "$scratch/graphs" > /dev/null 2>&1
  f="$scratch/graphs/layered-$n-000.json"
  /usr/bin/time -v "$scratch/bin/scheduler" schedule "$f" --method topoformer --json > "$scratch/schedule-$n.json" 2> "$out/time-$n.txt"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sys.argv[2], d['peak_bytes'], d['elapsed_ms'])" \
    "$scratch/schedule-$n.json" "$n" >> "$out/schedule.txt"
done
dotnet run -c Release --project benchmarks/Scheduler.Benchmarks -- --filter '*TopoformerBenchmarks*' --job "$job" --inProcess \
  --artifacts "$out/bdn" > "$out/benchmark.log" 2>&1
{ echo "end: $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"; } >> "$out/load.txt"
