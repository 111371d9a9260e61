#!/usr/bin/env python3
"""One Markdown row per stream order from benchmarks/scripts/adaptive-seeds.sh's output (PREFIX-seedSEED/): mean peak
ratio (adaptive / pass, per graph), total wall time of both and their ratio, total work (reference s) of both and
their ratio, graphs worse, proofs, the 1-minute load during the run. Usage: adaptive_seeds_table.py PREFIX SEED:LABEL..."""
import collections, json, statistics, sys

prefix = sys.argv[1]
print("| stream order | mean peak ratio | wall s: pass / adaptive | wall ratio | work ref. s: pass / adaptive | work ratio | graphs worse (worst) | proven: pass / adaptive | load 1-min median (min–max) | target |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for arg in sys.argv[2:]:
    seed, label = arg.split(":", 1)
    out = f"{prefix}-seed{seed}"
    by = collections.defaultdict(dict)
    for r in json.load(open(f"{out}/rows-summary.json")):
        by[r["graph"]][r["method"]] = r
    gs = list(by)
    ratios = [by[g]["adaptive"]["peak_bytes"] / by[g]["best"]["peak_bytes"] for g in gs]
    tb, ta = (sum(by[g][m]["elapsed_ms"] for g in gs) / 1000 for m in ("best", "adaptive"))
    wb, wa = (sum(by[g][m]["reference_ms"] for g in gs) / 1000 for m in ("best", "adaptive"))
    loads = [float(l.split()[1]) for l in open(f"{out}/load.txt") if l.strip()]
    proven = [sum(by[g][m]["status"] == "optimal" for g in gs) for m in ("best", "adaptive")]
    met = statistics.mean(ratios) <= 1.01 and ta <= 0.5 * tb
    print(f"| seed {seed} ({label}) | {statistics.mean(ratios):.4f} | {tb:.1f} / {ta:.1f} | {ta / tb:.3f} | {wb:.1f} / {wa:.1f} | {wa / wb:.3f} | "
          f"{sum(r > 1 for r in ratios)} ({max(ratios):.4f}) | {proven[0]} / {proven[1]} | {statistics.median(loads):.1f} ({min(loads):.1f}–{max(loads):.1f}) | "
          f"{'met' if met else 'missed'} |")
