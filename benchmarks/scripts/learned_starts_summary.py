#!/usr/bin/env python3
"""Summarise benchmarks/scripts/learned-starts.cs output: per graph, peak/bound of both starts and of local from each,
then per size the mean and the wins of local-from-learned (and of the pass's rule, local from the better start, and
of the split) over local-from-heuristic at the same move budget. Usage: learned_starts_summary.py CSV"""
import csv, statistics, sys

rows = list(csv.DictReader(open(sys.argv[1])))
def r(row, key):
    return int(row[key]) / int(row["bound"])
print("| graph | heuristic start | learned start | local from heuristic | local from learned | better start (the pass) | split | learned vs heuristic |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for row in rows:
    h, l = int(row["local_from_heuristic"]), int(row["local_from_learned"])
    split = f"{r(row, 'split'):.4f}" if int(row["split"]) > 0 else "—"
    print(f"| {row['graph']} | {r(row, 'heuristic_start'):.4f} ({row['heuristic_source']}) | {r(row, 'learned_start'):.4f} | {r(row, 'local_from_heuristic'):.4f} | "
          f"{r(row, 'local_from_learned'):.4f} | {r(row, 'best_start_local'):.4f} | {split} | {(l / h - 1) * 100:+.2f}% |")
print()
print("| ops | graphs | mean local from heuristic | mean local from learned | learned better / tie / worse | better start (pass): better / tie / worse | split: better / tie / worse (graphs) | mean moves H / L |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
def tally(rows, key):
    b = sum(1 for x in rows if int(x[key]) < int(x["local_from_heuristic"]))
    w = sum(1 for x in rows if int(x[key]) > int(x["local_from_heuristic"]))
    return f"{b} / {len(rows) - b - w} / {w}"
for n in sorted({int(x["ops"]) for x in rows}):
    g = [x for x in rows if int(x["ops"]) == n]
    s = [x for x in g if int(x["split"]) > 0]
    print(f"| {n} | {len(g)} | {statistics.mean(r(x, 'local_from_heuristic') for x in g):.4f} | {statistics.mean(r(x, 'local_from_learned') for x in g):.4f} | "
          f"{tally(g, 'local_from_learned')} | {tally(g, 'best_start_local')} | {tally(s, 'split') + f' ({len(s)})' if s else '—'} | "
          f"{statistics.mean(int(x['moves_heuristic']) for x in g):,.0f} / {statistics.mean(int(x['moves_learned']) for x in g):,.0f} |")
