"""Summary of topoformer-targets.sh: mean peak / bound per method and size, and issue 10's two quality targets."""
import csv, json, statistics, sys
from pathlib import Path

out = Path(sys.argv[1])
models = [s.split("=", 1)[0] for s in sys.argv[2:]]
rows = []
for n in (500, 1000, 2000):
    for source, prefix in [("baselines", "")] + [(m, m + ":") for m in models]:
        for r in json.load(open(out / f"{source}-{n}.json")):
            bound = max(r["lower_bound_bytes"], r["cut_bound_bytes"])
            method = r["method"] if source == "baselines" else prefix + r["method"]
            rows.append((n, r["graph"], method, r["peak_bytes"], bound, r["peak_bytes"] / bound))
with open(out / "rows.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["size", "graph", "method", "peak", "bound", "ratio"])
    w.writerows((n, g, m, p, b, round(x, 5)) for n, g, m, p, b, x in rows)

learned = {"topoformer", "topoformer-sample"}
for n in (500, 1000, 2000):
    at = [r for r in rows if r[0] == n]
    methods = sorted({r[2] for r in at})
    mean = {m: statistics.mean(r[5] for r in at if r[2] == m) for m in methods}
    heuristics = [m for m in methods if m != "local" and ":" not in m]
    best_h = min(heuristics, key=mean.get)
    graphs = sorted({r[1] for r in at})
    ratio = {(r[1], r[2]): r[5] for r in at}
    oracle = statistics.mean(min(ratio[g, m] for m in heuristics) for g in graphs)
    print(f"== {n} ops, {len(graphs)} graphs: best heuristic on the mean {best_h} {mean[best_h]:.4f}; "
          f"per-graph best heuristic (oracle) {oracle:.4f}; local {mean['local']:.4f}")
    for m in models:
        for kind in ("topoformer", "topoformer-sample"):
            key = f"{m}:{kind}"
            wins = sum(ratio[g, key] < min(ratio[g, h] for h in heuristics) for g in graphs)
            print(f"   {key:32s} {mean[key]:.4f}  vs best heuristic {100 * (mean[key] / mean[best_h] - 1):+.2f}%  "
                  f"vs oracle {100 * (mean[key] / oracle - 1):+.2f}%  vs local {100 * (mean[key] / mean['local'] - 1):+.2f}%  "
                  f"below every heuristic on {wins}/{len(graphs)}")
