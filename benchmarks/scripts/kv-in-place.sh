#!/usr/bin/env bash
# Peaks of the model zoo's decode/verify graphs with and without in-place KV-cache writes (`models export --kv-in-place`).
# Usage: kv-in-place.sh SCHEDULER_BIN [OUT_DIR] [TIME_LIMIT_S]
# For every (preset, phase) below it exports four graphs into OUT_DIR/graphs: plain and --kv-in-place, each without and
# with --views (the head-split/merge reshapes as view ops). Under the default memory model it scores the graphs without
# reshape ops, under --views the ones with them (the model each export is meant for), and for each runs
#   scheduler schedule GRAPH --method input --json [--views]                  (the file order)
#   scheduler schedule GRAPH --json --time-limit T [--views]                  (best, the whole pass)
# Writes OUT_DIR/kv-in-place.csv and prints one line per row.
set -euo pipefail
bin=$(realpath "$1"); out=${2:-benchmarks/results/kv-in-place}; limit=${3:-30}
cd "$(dirname "$0")/../.."
mkdir -p "$out/graphs"
specs=(
  "llama2-7b-chat decode --context 1024"
  "llama2-7b-chat spec-verify --context 1024 --draft 4"
  "llama2-chat-drafter-115m decode --context 1024"
  "llama2-chat-drafter-115m spec-step --context 1024 --draft 4"
  "llava-1.5-7b decode --context 1024"
  "llava-1.5-7b spec-verify --context 1024 --draft 4"
  "opt-125m tree-verify --context 512 --tree 16"
  "opt-13b tree-verify --context 512 --tree 16"
)
for spec in "${specs[@]}"; do
  set -- $spec
  preset=$1; phase=$2; shift 2
  for views in "" "--views"; do
    for kv in "" "--kv-in-place"; do
      file="$out/graphs/$preset-$phase${views:+-views}${kv:+-kv}.json"
      [ -f "$file" ] || "$bin" models export "$preset" --phase "$phase" "$@" $views $kv --out "$file" >/dev/null
    done
  done
done
git rev-parse HEAD > "$out/commit.txt"
PYTHONPATH=benchmarks/scripts python3 - "$bin" "$out" "$limit" "${specs[@]}" <<'PY'
from schedule_json import schedule_json
import csv, json, subprocess, sys, time
bin_, out, limit, specs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

def run(args):
    return schedule_json(bin_, args)

rows = []
for spec in specs:
    preset, phase = spec.split()[:2]
    for model, suffix, flags in [("default", "", []), ("views", "-views", ["--views"])]:
        for kv in ["off", "on"]:
            path = f"{out}/graphs/{preset}-{phase}{suffix}{'-kv' if kv == 'on' else ''}.json"
            doc, _ = run([path, "--method", "input", *flags])
            row = {"graph": doc["graph"], "preset": preset, "phase": phase, "model": model, "kv_in_place": kv,
                   "ops": len(doc["order"]), "resident_bytes": doc["resident_bytes"], "input_peak": doc["peak_bytes"],
                   "bound": max(doc["lower_bound_bytes"], doc["cut_bound_bytes"])}
            doc, wall = run([path, "--time-limit", limit, *flags])
            row.update(best_peak=doc["peak_bytes"], best_winner=doc["winner"], best_status=doc["status"], best_wall_s=wall)
            rows.append(row)
            print(json.dumps(row), flush=True)
with open(f"{out}/kv-in-place.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    w.writeheader()
    w.writerows(rows)
PY
