#!/usr/bin/env python3
"""Summarises one run of benchmarks/scripts/adaptive.sh as Markdown (stdout): adaptive vs the pass (`best`)."""
import collections, json, statistics, sys, time

out, seed, start, end, cores, commit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
stream = [line.rstrip("\n").split("\t") for line in open(f"{out}/stream.tsv")]
family = {name: fam for name, fam, _ in stream}
rows = json.load(open(f"{out}/rows-summary.json"))
by = collections.defaultdict(dict)
for r in rows:
    by[r["graph"]][r["method"]] = r
order = [name for name, _, _ in stream]
loads = [float(line.split()[1]) for line in open(f"{out}/load.txt") if line.strip()]

def ratio(g):
    b, a = by[g]["best"]["peak_bytes"], by[g]["adaptive"]["peak_bytes"]
    return a / b

def secs(gs, m, key="elapsed_ms"):
    return sum(by[g][m].get(key) or 0 for g in gs) / 1000

ratios = [ratio(g) for g in order]
mean_best = statistics.mean(by[g]["best"]["peak_bytes"] for g in order)
mean_adaptive = statistics.mean(by[g]["adaptive"]["peak_bytes"] for g in order)
tb, ta = secs(order, "best"), secs(order, "adaptive")
# The work both did, in reference seconds (MethodCost): the same on any machine at any load (rows of older builds lack it).
has_work = all("reference_ms" in by[g][m] for g in order for m in ("best", "adaptive"))
wb, wa = (secs(order, "best", "reference_ms"), secs(order, "adaptive", "reference_ms")) if has_work else (None, None)
peak_ok, time_ok = statistics.mean(ratios) <= 1.01, ta <= 0.5 * tb

print("# Adaptive portfolio vs the full pass on a mixed stream\n")
print(f"`benchmarks/scripts/adaptive.sh {seed}` (commit {commit}, {time.strftime('%Y-%m-%d %H:%M', time.gmtime(start))} UTC): one "
      f"`scheduler compare --methods best --adaptive --seed {seed} --json` over a stream of {len(order)} graphs "
      "(layered-100/500/1000/2000: 10 each, irregular: 15, real: 3, the 10 model-zoo graphs of compare's default set), "
      f"shuffled with seed {seed}, the adaptive portfolio starting from an empty posterior. Per graph the pass (`best`, the full "
      "default portfolio) and then `adaptive` ran one after the other, so both met the same load. Rows (without orders): "
      f"`{out}/rows-summary.json`; stream order: `{out}/stream.tsv`; the posterior it ended with: `{out}/posterior.json`.\n")
print(f"**Machine**: {cores} cores, shared with other engineers' builds and tests: load average (1 min) during the run "
      f"median {statistics.median(loads):.1f}, min {min(loads):.1f}, max {max(loads):.1f} ({len(loads)} samples, every 15 s); "
      f"the run took {(end - start) / 60:.1f} min. Wall times are inflated for both alike; read the ratio.\n")
print("| | best (the pass) | adaptive | adaptive / best |")
print("|---|---:|---:|---:|")
print(f"| mean of per-graph peak ratios | 1 | {statistics.mean(ratios):.4f} | {statistics.mean(ratios):.4f} |")
print(f"| mean peak (bytes) | {mean_best:,.0f} | {mean_adaptive:,.0f} | {mean_adaptive / mean_best:.4f} |")
print(f"| total time (s) | {tb:.1f} | {ta:.1f} | {ta / tb:.3f} |")
if has_work:
    print(f"| total work (reference s) | {wb:.1f} | {wa:.1f} | {wa / wb:.3f} |")
print(f"| graphs with a higher peak | | {sum(r > 1 for r in ratios)} | worst {max(ratios):.4f} |")
print(f"| graphs with a lower peak | | {sum(r < 1 for r in ratios)} | best {min(ratios):.4f} |")
print(f"| proven optimal | {sum(by[g]['best']['status'] == 'optimal' for g in order)} | {sum(by[g]['adaptive']['status'] == 'optimal' for g in order)} | |")
print()
print(f"Target (issue 13): mean peak within 1 % of the pass — **{'met' if peak_ok else 'missed'}** "
      f"({(statistics.mean(ratios) - 1) * 100:+.2f} %); at most half its total time — **{'met' if time_ok else 'missed'}** "
      f"({ta / tb:.1%} of the wall time{f'; {wa / wb:.1%} of the work' if has_work else ''}).\n")

print("## Per family\n")
print("| family | graphs | mean peak ratio | worst | best s | adaptive s | time ratio | methods adaptive ran beyond the heuristics (graphs) |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for fam in ["layered-100", "layered-500", "layered-1000", "layered-2000", "irregular", "real", "models"]:
    gs = [g for g in order if family[g] == fam]
    if not gs:
        continue
    ran = collections.Counter()
    for g in gs:
        msg = by[g]["adaptive"].get("message") or ""
        part = msg.split("; ran ", 1)[1].split(";", 1)[0] if "; ran " in msg else ""
        ran.update(m for m in part.split() if m != "heuristics" and m != "only")
    rs = [ratio(g) for g in gs]
    b, a = secs(gs, "best"), secs(gs, "adaptive")
    used = ", ".join(f"{m} ({n})" for m, n in sorted(ran.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"
    print(f"| {fam} | {len(gs)} | {statistics.mean(rs):.4f} | {max(rs):.4f} | {b:.1f} | {a:.1f} | {a / b:.3f} | {used} |")
print()

print("## Learning along the stream\n")
print("| graphs | mean peak ratio | best s | adaptive s | time ratio |")
print("|---|---:|---:|---:|---:|")
q = max(1, len(order) // 4)
for i in range(0, len(order), q):
    gs = order[i:i + q]
    print(f"| {i + 1}–{i + len(gs)} | {statistics.mean(ratio(g) for g in gs):.4f} | {secs(gs, 'best'):.1f} | {secs(gs, 'adaptive'):.1f} | {secs(gs, 'adaptive') / secs(gs, 'best'):.3f} |")
print()
worst = sorted(order, key=ratio, reverse=True)[:5]
print("## Largest losses\n")
print("| graph | family | best peak | adaptive peak | ratio | adaptive ran |")
print("|---|---|---:|---:|---:|---|")
for g in worst:
    msg = by[g]["adaptive"].get("message") or ""
    print(f"| {g} | {family[g]} | {by[g]['best']['peak_bytes']:,} | {by[g]['adaptive']['peak_bytes']:,} | {ratio(g):.4f} | {msg} |")
