#!/usr/bin/env bash
# Peaks under the default, in-place and in-place+views memory models on the bundled real models, and the arena per
# offset strategy for each model's `best` order.
# Usage: views.sh SCHEDULER_BIN [OUT_DIR] [TIME_LIMIT_S]
# For every graph (datasets/real with --view-ops on the default view set, datasets/onnx, two model-zoo OPT-125M graphs
# exported into OUT_DIR/graphs) and model it runs
#   scheduler schedule GRAPH --method input --json [--in-place] [--views]
#   scheduler schedule GRAPH --json --time-limit T --out OUT_DIR/orders/G.M.EXT [--in-place] [--views]   (best)
# and, on best's reordered graph, `--method input --arena S` for S in greedy-size, greedy-breadth, cpsat.
# Writes OUT_DIR/views.csv (or $CSV; $GRAPHS limits the graphs) and prints one line per row.
set -euo pipefail
bin=$(realpath "$1"); out=${2:-benchmarks/results/views}; limit=${3:-30}
cd "$(dirname "$0")/../.."
mkdir -p "$out/graphs" "$out/orders"
for spec in "opt-125m prefill" "opt-125m decode"; do
  set -- $spec
  [ -f "$out/graphs/$1-$2.json" ] || "$bin" models export "$1" --phase "$2" --out "$out/graphs/$1-$2.json" >/dev/null
  # The same graph with the attention reshapes as view ops (free under --views, copies under the other models).
  [ -f "$out/graphs/$1-$2-views.json" ] || "$bin" models export "$1" --phase "$2" --views --out "$out/graphs/$1-$2-views.json" >/dev/null
done
git rev-parse HEAD > "$out/commit.txt"
PYTHONPATH=benchmarks/scripts python3 - "$bin" "$out" "$limit" <<'PY'
from schedule_json import schedule_json
import csv, glob, json, os, subprocess, sys, time
bin_, out, limit = sys.argv[1], sys.argv[2], sys.argv[3]
graphs = sorted(glob.glob("datasets/real/*.json")) + sorted(glob.glob("datasets/onnx/*.onnx")) + sorted(glob.glob(f"{out}/graphs/*.json"))
if os.environ.get("GRAPHS"):  # a subset (space-separated paths), e.g. to add graphs to an earlier run
    graphs = os.environ["GRAPHS"].split()
csv_name = os.environ.get("CSV", "views.csv")
extra = {"batch_mlp.onnx": ["--dim", "batch=32"]}
views = ["--view-ops", "Reshape,Flatten,Squeeze,Unsqueeze,Identity"]
models = {"default": [], "in-place": ["--in-place"], "in-place+views": ["--in-place", "--views"]}

def run(args):
    return schedule_json(bin_, args)

rows = []
for path in graphs:
    name, ext = os.path.splitext(os.path.basename(path))
    common = extra.get(os.path.basename(path), []) + (views if path.startswith("datasets/real") else [])
    for model, flags in models.items():
        row = {"graph": name, "ops": None, "model": model}
        doc, _ = run([path, "--method", "input", *flags, *common])
        row.update(ops=len(doc["order"]), input_peak=doc["peak_bytes"], bound=max(doc["lower_bound_bytes"], doc["cut_bound_bytes"]))
        reordered = f"{out}/orders/{name}.{model}{ext}"
        doc, wall = run([path, "--time-limit", limit, "--out", reordered, *flags, *common])
        row.update(best_peak=doc["peak_bytes"], best_winner=doc["winner"], best_status=doc["status"], best_wall_s=wall)
        for s in ["greedy-size", "greedy-breadth", "cpsat"]:
            d, w = run([reordered, "--method", "input", "--arena", s, *flags, *common])
            assert d["peak_bytes"] == row["best_peak"], (name, model, s, d["peak_bytes"], row["best_peak"])
            row[s] = d["arena_bytes"]
            if s == "cpsat":
                row["cpsat_proven"] = d["arena_candidates"][0]["proven"]
        rows.append(row)
        print(json.dumps(row), flush=True)
fields = ["graph", "ops", "model", "input_peak", "best_peak", "bound", "best_winner", "best_status", "best_wall_s", "greedy-size", "greedy-breadth", "cpsat", "cpsat_proven"]
with open(f"{out}/{csv_name}", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=fields)
    w.writeheader()
    w.writerows(rows)
PY
