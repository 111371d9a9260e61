#!/usr/bin/env python3
"""Summarise benchmarks/scripts/topoformer-sampling.cs output: mean peak/bound per size x sampler x K, the median
decode time, and on how many graphs best-of-K beats the greedy decode. Usage: topoformer_sampling_summary.py CSV"""
import csv, statistics, sys
from collections import defaultdict

rows = list(csv.DictReader(open(sys.argv[1])))
sizes = sorted({int(r["ops"]) for r in rows})
samplers = list(dict.fromkeys(r["sampler"] for r in rows))
ks = sorted({int(r["k"]) for r in rows})
cell = defaultdict(list)
for r in rows:
    cell[(int(r["ops"]), r["sampler"], int(r["k"]))].append(r)
print("| ops | sampler | " + " | ".join(f"K={k}" for k in ks) + " | beats greedy at K=16 | median ms at K=16 / 256 |")
print("|---:|---|" + "---:|" * len(ks) + "---:|---:|")
for n in sizes:
    for s in samplers:
        means = [statistics.mean(float(r["ratio"]) for r in cell[(n, s, k)]) for k in ks]
        c16 = cell[(n, s, 16)]
        beats = sum(1 for r in c16 if int(r["peak"]) < int(r["greedy_peak"]))
        ms16 = statistics.median(float(r["decode_ms"]) for r in c16)
        ms256 = statistics.median(float(r["decode_ms"]) for r in cell[(n, s, 256)])
        print(f"| {n} | {s} | " + " | ".join(f"{m:.4f}" for m in means) + f" | {beats}/{len(c16)} | {ms16:.0f} / {ms256:.0f} |")
print()
print("| sampler | " + " | ".join(f"K={k}" for k in ks) + " |")
print("|---|" + "---:|" * len(ks))
for s in samplers:
    means = [statistics.mean(float(r["ratio"]) for r in rows if r["sampler"] == s and int(r["k"]) == k) for k in ks]
    print(f"| {s} (all sizes) | " + " | ".join(f"{m:.4f}" for m in means) + " |")
