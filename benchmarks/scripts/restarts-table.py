#!/usr/bin/env python3
"""Markdown table of peaks per graph from restarts.sh CSVs: restarts-table.py LABEL=CSV [LABEL=CSV ...].
The first CSV is the reference; every later column also gets its change against it, and each size its mean change
and how many graphs got better / worse."""
import csv, sys
from collections import defaultdict

cols = [a.split("=", 1) for a in sys.argv[1:]]
data = [{r["graph"]: r for r in csv.DictReader(open(path))} for _, path in cols]
graphs = sorted(data[0], key=lambda g: (int(data[0][g]["ops"]), g))
head = ["graph"] + [label for label, _ in cols] + [f"{label} vs {cols[0][0]}" for label, _ in cols[1:]]
print("| " + " | ".join(head) + " |")
print("|---|" + "---:|" * (len(head) - 1))
by_size = defaultdict(list)
for g in graphs:
    if not all(g in d for d in data):
        continue
    peaks = [int(d[g]["peak"]) for d in data]
    marks = ["" if "capped" not in d[g]["status"] else " (c)" for d in data]
    changes = [100.0 * (p - peaks[0]) / peaks[0] for p in peaks[1:]]
    by_size[int(data[0][g]["ops"])].append(changes)
    print("| " + " | ".join([g] + [f"{p:,}{m}" for p, m in zip(peaks, marks)] + [f"{c:+.2f}%" for c in changes]) + " |")
for n, rows in sorted(by_size.items()):
    cells = []
    for k in range(len(cols) - 1):
        cs = [r[k] for r in rows]
        cells.append(f"**{sum(cs) / len(cs):+.2f}%** ({sum(c < 0 for c in cs)} better, {sum(c > 0 for c in cs)} worse)")
    print("| " + " | ".join([f"**mean, {n} ops**"] + [""] * len(cols) + cells) + " |")
