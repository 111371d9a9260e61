#!/usr/bin/env bash
# compare's time estimate on a real default-methods run: a subset of the bundled layered graphs in four datasets
# (100 ops: exact and CP-SAT run; 500: they run and give up; 1,000 and 2,000: they are skipped), copied into folders
# named as the datasets, then `scheduler compare` with every default method, its progress lines (stderr) kept, and
# benchmarks/scripts/eta_check.py's table of estimate vs actual time left.
# Usage: benchmarks/scripts/eta-subset.sh OUT
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$1
mkdir -p "$out"
graphs=$(mktemp -d)
trap 'rm -rf "$graphs"' EXIT
for spec in layered-100:3 layered-500:1 layered-1000:3 layered-2000:2; do
  family=${spec%%:*}
  mkdir -p "$graphs/$family"
  # shellcheck disable=SC2012
  ls datasets/"$family"/*.json | head -n "${spec##*:}" | xargs -I{} cp {} "$graphs/$family/"
done
dotnet build src/Scheduler/Scheduler.csproj -c Release -v q -nologo > /dev/null
( while true; do echo "$(date +%s) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 15; done ) > "$out/load.txt" &
sampler=$!
src/Scheduler/bin/Release/net10.0/scheduler compare "$graphs"/layered-100 "$graphs"/layered-500 "$graphs"/layered-1000 "$graphs"/layered-2000 \
  --json > /dev/null 2> "$out/compare.log"
kill $sampler
python3 benchmarks/scripts/eta_check.py "$out/compare.log" > "$out/eta.md"
cat "$out/eta.md"
