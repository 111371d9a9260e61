#!/usr/bin/env bash
# Arena per offset strategy on the bundled graphs: for every graph, memory model (default, in-place) and alignment,
# run `scheduler schedule GRAPH --method input --arena STRATEGY --json` once per strategy (greedy-size, greedy-breadth,
# cpsat) and record the live-bytes peak, the aligned lower bound, each arena and CP-SAT's status and wall time.
# Usage: arena.sh SCHEDULER_BIN [OUT_DIR] [EFFORT]
#   SCHEDULER_BIN  the CLI (e.g. src/Scheduler/bin/Debug/net10.0/scheduler)
# Writes OUT_DIR/arena.csv (one row per graph × model × alignment) and OUT_DIR/arena.md (the table docs/results/arena.md
# quotes). Graphs: datasets/real, datasets/onnx, five model-zoo LLM graphs (exported into OUT_DIR/graphs), the
# irregular set and the first five layered-100 graphs. Alignment 64 only for the real, ONNX and model-zoo graphs (the
# synthetic graphs' sizes are arbitrary byte counts). batch_mlp.onnx is read with batch = 32.
set -euo pipefail
bin=$(realpath "$1"); out=${2:-benchmarks/results/arena}; effort=${3:-1}
cd "$(dirname "$0")/../.."
mkdir -p "$out/graphs"
for spec in "opt-125m prefill" "opt-125m decode" "opt-125m train-step" "llama2-chat-drafter-115m prefill" "llama2-chat-drafter-115m tree-verify"; do
  set -- $spec
  [ -f "$out/graphs/$1-$2.json" ] || "$bin" models export "$1" --phase "$2" --out "$out/graphs/$1-$2.json" >/dev/null
done
python3 - "$bin" "$out" "$effort" <<'PY'
import csv, glob, json, os, subprocess, sys, time

bin_, out, effort = sys.argv[1], sys.argv[2], sys.argv[3]
models = sorted(glob.glob("datasets/real/*.json")) + sorted(glob.glob("datasets/onnx/*.onnx")) + sorted(glob.glob(f"{out}/graphs/*.json"))
synthetic = sorted(glob.glob("datasets/irregular/*.json")) + sorted(glob.glob("datasets/layered-100/*.json"))[:5]
strategies = ["greedy-size", "greedy-breadth", "cpsat"]
extra = {"batch_mlp.onnx": ["--dim", "batch=32"]}  # its batch dim is symbolic

def run(path, strategy, in_place, alignment):
    args = [bin_, "schedule", path, "--method", "input", "--json", "--effort", effort,
            "--arena", strategy, "--arena-alignment", str(alignment)] + (["--in-place"] if in_place else []) + extra.get(os.path.basename(path), [])
    started = time.monotonic()
    p = subprocess.run(args, capture_output=True, text=True)
    wall = time.monotonic() - started
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
    return json.loads(p.stdout), wall

rows = []
for path in models + synthetic:
    for in_place in (False, True):
        for alignment in ((1, 64) if path in models else (1,)):
            row = {"graph": os.path.splitext(os.path.basename(path))[0], "model": "in-place" if in_place else "default", "alignment": alignment}
            for s in strategies:
                doc, wall = run(path, s, in_place, alignment)
                row["peak"] = doc["peak_bytes"]
                row["bound"] = doc["arena_lower_bound_bytes"]
                row[s] = doc["arena_bytes"]
                if s == "cpsat":
                    c = doc["arena_candidates"][0]
                    row["cpsat_proven"] = c["proven"]
                    row["cpsat_capped"] = c["capped"]
                    row["cpsat_wall_s"] = round(wall, 2)
                    row["cpsat_message"] = c.get("message", "")
            row["blocks"] = sum(1 for t in doc["tensors"] if t["offset"] >= 0)
            rows.append(row)
            print(f"{row['graph']} {row['model']} a{alignment}: peak {row['peak']} size {row['greedy-size']} breadth {row['greedy-breadth']} cpsat {row['cpsat']} ({row['cpsat_wall_s']} s)", flush=True)

fields = ["graph", "model", "alignment", "blocks", "peak", "bound", *strategies, "cpsat_proven", "cpsat_capped", "cpsat_wall_s", "cpsat_message"]
with open(f"{out}/arena.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=fields)
    w.writeheader()
    w.writerows(rows)

def frag(r, s):
    return f"{(r[s] / r['peak'] - 1) * 100:.2f} %" if r["peak"] else "0 %"

with open(f"{out}/arena.md", "w") as f:
    f.write("| graph | model | align | blocks | live peak (B) | greedy-size | greedy-breadth | cpsat | cpsat frag. | cpsat proven | cpsat wall (s) |\n")
    f.write("|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|---:|\n")
    for r in rows:
        cells = [f"{r[s]} ({frag(r, s)})" for s in ("greedy-size", "greedy-breadth")]
        f.write(f"| {r['graph']} | {r['model']} | {r['alignment']} | {r['blocks']} | {r['peak']} | {cells[0]} | {cells[1]} | {r['cpsat']} | {frag(r, 'cpsat')} | {'yes' if r['cpsat_proven'] else 'no'}{' (capped)' if r['cpsat_capped'] else ''} | {r['cpsat_wall_s']} |\n")
    within = [r for r in rows if r["peak"] and r["cpsat"] <= r["peak"] * 1.02]
    never_above = [r for r in rows if r["cpsat"] <= min(r["greedy-size"], r["greedy-breadth"])]
    f.write(f"\ncpsat within 2 % of the live peak: {len(within)} of {len(rows)} rows; never above either greedy: {len(never_above)} of {len(rows)}.\n")
print(open(f"{out}/arena.md").read().splitlines()[-1])
PY
