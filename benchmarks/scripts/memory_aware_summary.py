#!/usr/bin/env python3
"""Summarises benchmarks/results/memory-aware-decoding/raw/*.json (rows of `compare --json --memory-weight W`):
per set and size, mean peak / max(working-set, cut bound) of the best heuristic (the single heuristic with the lowest
mean, the file order included), topoformer greedy and best of 16 at each weight, and per-graph better / tie / worse of
weight 1 against weight 0. Usage: memory_aware_summary.py RAW_DIR"""
import sys

from peak_ratios import load_runs, mean, ratios

runs = load_runs(sys.argv[1], r'([a-z]+)(\d+)-w([\d.]+)\.json')

print('| set | ops | graphs | best heuristic | greedy, w = 0 | greedy, w = 1 | best of 16, w = 0 | best of 16, w = 1 | best of 16: w = 1 vs w = 0 | better / tie / worse | best of 16 (w = 1) vs best heuristic |')
print('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|')
for (name, size), by_weight in sorted(runs.items()):
    zero, one = by_weight['0'], by_weight['1']
    heuristics = {m for m in {r['method'] for r in zero} if not m.startswith('topoformer')}
    best_h = min(heuristics, key=lambda m: mean(ratios(zero, m)))
    h = mean(ratios(zero, best_h))
    s0, s1 = ratios(zero, 'topoformer-sample'), ratios(one, 'topoformer-sample')
    g0, g1 = mean(ratios(zero, 'topoformer')), mean(ratios(one, 'topoformer'))
    better = sum(s1[g] < s0[g] - 1e-12 for g in s0); worse = sum(s1[g] > s0[g] + 1e-12 for g in s0)
    print(f'| {name} | {size} | {len(s0)} | {h:.4f} ({best_h}) | {g0:.4f} | {g1:.4f} | {mean(s0):.4f} | {mean(s1):.4f} | '
          f'{mean(s1) / mean(s0) - 1:+.2%} | {better} / {len(s0) - better - worse} / {worse} | {mean(s1) / h - 1:+.2%} |')
