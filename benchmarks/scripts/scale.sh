#!/usr/bin/env bash
# Scale run (issue 14): generates graphs of 10^5 and 10^6 ops with `scheduler generate` (into a scratch folder, never
# into git), runs `scheduler schedule FILE --method M --json` under /usr/bin/time -v (wall clock and peak RSS of the
# whole command, loading the file included) and writes docs/results/scale.md.
# Usage: benchmarks/scripts/scale.sh [RUNS (default 3)] [SCRATCH (default /tmp/scheduler-scale)]
#        SCALE_REPORT_ONLY=1 benchmarks/scripts/scale.sh ...   rewrites the table from the last run's files
# Needs ~1 GB of scratch disk and ~15 minutes on 2 cores. bfs rows are the median of RUNS runs; best rows run once.
set -euo pipefail
runs=${1:-3}
scratch=${2:-/tmp/scheduler-scale}
cd "$(dirname "$0")/../.."
repo=$PWD
mkdir -p "$scratch/graphs" "$scratch/runs"
[ -n "${SCALE_REPORT_ONLY:-}" ] || dotnet build src/Scheduler -c Release -o "$scratch/bin" > "$scratch/build.log"
bin="$scratch/bin/scheduler"

# family label | generate arguments | file name it writes
graphs=(
  "layered|layered --nodes 100000|layered-100000-000"
  "chain|chain --nodes 1000000|chain-1000000-000"
  "star|star --nodes 1000000|star-1000000-000"
  "fan-in|fan-in --nodes 1000000|fan-in-1000000-000"
  "erdos-renyi|erdos-renyi --nodes 1000000|erdos-renyi-1000000-000"
  "layered-like|layered --nodes 1000000 --edge-density 0.005|layered-1000000-000"
)
rows="$scratch/rows.tsv"
if [ -z "${SCALE_REPORT_ONLY:-}" ]; then
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$rows"
for g in "${graphs[@]}"; do
  IFS='|' read -r family args file <<< "$g"
  path="$scratch/graphs/$file.json"
  [ -f "$path" ] || $bin generate $args --out "$scratch/graphs" 2> "$scratch/graphs/$file.gen" > /dev/null
  methods="bfs"; [[ $file == *1000000* ]] && methods="bfs best"
  for m in $methods; do
    n=$runs; [ "$m" = best ] && n=1
    for r in $(seq 1 "$n"); do
      out="$scratch/runs/$file.$m.$r"
      /usr/bin/time -v "$bin" schedule "$path" --method "$m" --json > "$out.json" 2> "$out.time" || true
      printf '%s\t%s\t%s\t%s\n' "$family" "$file" "$m" "$out" >> "$rows"
    done
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$load_start|$load_end" > "$scratch/load"
fi
IFS='|' read -r load_start load_end < "$scratch/load"
legend=$(for g in "${graphs[@]}"; do IFS='|' read -r family args file <<< "$g"; printf -- '- %s: `scheduler generate %s`\n' "$family" "$args"; done)
SCALE_LEGEND="$legend" python3 - "$rows" "$repo/docs/results/scale.md" "$runs" "$load_start" "$load_end" "$(nproc)" "$scratch" <<'PY'
import json, os, re, statistics, sys, collections
rows, target, runs, load_start, load_end, cores, scratch = sys.argv[1:]
groups = collections.OrderedDict()
for line in open(rows):
    family, file, method, out = line.rstrip("\n").split("\t")
    groups.setdefault((family, file, method), []).append(out)

def measure(out):
    t = open(out + ".time").read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t)
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024 ** 2
    code = int(re.search(r"Exit status: (\d+)", t).group(1))
    return seconds, rss, code

lines = ["# Scale: `scheduler schedule FILE --method M --json` on 10^5–10^6-op graphs", "",
         "Measured by `benchmarks/scripts/scale.sh` (graphs from `scheduler generate`, kept out of git). Wall seconds and",
         "peak RSS are those of the whole command under `/usr/bin/time -v`: process start, reading and checking the",
         f"graph file, the bounds, the method(s), the JSON on stdout. bfs rows: median of {runs} runs (RSS: the largest);",
         f"best rows: one run. Machine: {cores} cores, shared with other builds; load average {load_start} at the",
         f"start, {load_end} at the end, so times are upper bounds of an idle machine's. Targets (issue 14): 10^6 ops",
         "in < 60 s and < 4 GB; 100k-op layered in < 10 s. The graphs (seed 1):", "",
         os.environ["SCALE_LEGEND"].replace("\\n", "\n").rstrip(), "",
         "layered-like is the paper's generator with ρ = 0.005, about 3.3 edges per op as in real graphs; its default",
         "ρ = 0.2 gives ~38 per op at 10^5 ops and over 100 per op at 10^6.", "",
         "`best` is the whole pass (default options, 60 s safety cap); its note lists what ran and why the rest was skipped.", "",
         "| graph family | ops | edges | method | wall s | peak RSS (GB) | exit | note |", "|---|---|---|---|---|---|---|---|"]
for (family, file, method), outs in groups.items():
    ms = [measure(o) for o in outs]
    wall = statistics.median(m[0] for m in ms)
    rss = max(m[1] for m in ms)
    code = max(m[2] for m in ms)
    note = ""
    try:
        d = json.load(open(outs[-1] + ".json"))
        ops = len(d["order"])
        note = f"status {d['status']}, peak {d['peak_bytes']:,} B"
        if d.get("cut_bound"):
            note += "; cut bound skipped (working-set bound reported)"
        if method == "best":
            ran = [c["method"] for c in d["candidates"] if c["status"] not in ("skipped",)]
            skipped = collections.OrderedDict()
            for c in d["candidates"]:
                if c["status"] == "skipped":
                    skipped.setdefault(c.get("message", ""), []).append(c["method"])
            note += f"; winner {d['winner']}; ran: {', '.join(ran)}"
            for why, who in skipped.items():
                note += f"; skipped {', '.join(who)}: {why}"
    except (ValueError, KeyError, FileNotFoundError) as e:
        ops = "?"
        note = f"no JSON ({e.__class__.__name__})"
    gen = re.search(r"(\d+) edges", open(f"{scratch}/graphs/{file}.gen").read())
    lines.append(f"| {family} | {ops:,} | {int(gen.group(1)):,} | {method} | {wall:.1f} | {rss:.2f} | {code} | {note.replace('|', '/')} |")
text = "\n".join(lines) + "\n"
open(target, "w").write(text)
print(text)
PY
