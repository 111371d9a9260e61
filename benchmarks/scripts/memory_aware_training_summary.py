#!/usr/bin/env python3
"""Summarises benchmarks/results/memory-aware-training/raw/*.json (rows of `compare --json`): per set and size, mean
peak / max(working-set, cut bound) of the best heuristic (the single heuristic with the lowest mean, the file order
included), local (500 ops), and per model (shipped, trained) topoformer greedy and best of 16 at T = 0.5 and T = 1;
then the trained model's best of 16 against the shipped one's (per-graph better / tie / worse) and against the best
heuristic. Usage: memory_aware_training_summary.py RAW_DIR"""
import sys

from peak_ratios import load_runs, mean, ratios

runs = load_runs(sys.argv[1], r'([a-z]+)(\d+)-(.+)\.json$')

def fmt(x):
    return f'{x:.4f}' if x is not None else '—'

print('| set | ops | graphs | best heuristic | local | greedy shipped / trained | best of 16, T = 0.5: shipped / trained | '
      'best of 16, T = 1: shipped / trained | trained vs shipped, T = 0.5 (better / tie / worse) | trained T = 0.5 vs best heuristic |')
print('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|')
for (name, size), by in sorted(runs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    if not all(f'{m}-t{t}' in by for m in ('shipped', 'trained') for t in ('0.5', '1')) or 'heuristics' not in by:
        continue
    heur = by['heuristics']
    best_h = min({r['method'] for r in heur}, key=lambda m: mean(ratios(heur, m)))
    h = mean(ratios(heur, best_h))
    local = mean(ratios(by['local'], 'local')) if 'local' in by else None
    g = {m: mean(ratios(by[f'{m}-t0.5'], 'topoformer')) for m in ('shipped', 'trained')}
    s = {(m, t): ratios(by[f'{m}-t{t}'], 'topoformer-sample') for m in ('shipped', 'trained') for t in ('0.5', '1')}
    a, b = s[('shipped', '0.5')], s[('trained', '0.5')]
    better = sum(b[k] < a[k] - 1e-12 for k in a); worse = sum(b[k] > a[k] + 1e-12 for k in a)
    print(f'| {name} | {size} | {len(a)} | {h:.4f} ({best_h}) | {fmt(local)} | {g["shipped"]:.4f} / {g["trained"]:.4f} | '
          f'{mean(a):.4f} / {mean(b):.4f} | {mean(s[("shipped", "1")]):.4f} / {mean(s[("trained", "1")]):.4f} | '
          f'{mean(b) / mean(a) - 1:+.2%} ({better} / {len(a) - better - worse} / {worse}) | {mean(b) / h - 1:+.2%} |')
