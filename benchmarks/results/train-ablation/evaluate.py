#!/usr/bin/env python3
"""Held-out evaluation of training-ablation checkpoints: mean peak / max(working-set, cut) bound of `topoformer`
(greedy) and `topoformer-sample` (best of 16) on 8 layered graphs of 500 and of 1000 ops (seeds 81500.. and 82000..,
never used elsewhere). Usage: evaluate.py SCHEDULER_BINARY NAME=MODEL_DIR ... > table.md (JSON rows kept in eval/)."""
import json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
binary, models = sys.argv[1], [a.split('=', 1) for a in sys.argv[2:]]
sizes = ['500', '1000']
os.makedirs(os.path.join(here, 'eval'), exist_ok=True)
print('| run | greedy 500 | best of 16, 500 | greedy 1000 | best of 16, 1000 |')
print('|---|---|---|---|---|')
for name, model in models:
    cells = []
    for size in sizes:
        rows = json.loads(subprocess.run(
            [binary, 'compare', os.path.join(here, 'heldout', f'layered-{size}'), '--methods', 'topoformer,topoformer-sample',
             '--samples', '16', '--model', model, '--json'], check=True, capture_output=True, text=True).stdout)
        with open(os.path.join(here, 'eval', f'{name}-{size}.json'), 'w') as f:
            json.dump([{k: v for k, v in r.items() if k != 'order'} for r in rows], f, indent=1)
        for method in ['topoformer', 'topoformer-sample']:
            ratios = [r['peak_bytes'] / max(r['lower_bound_bytes'], r['cut_bound_bytes']) for r in rows if r['method'] == method]
            assert len(ratios) == 8, (name, size, method, len(ratios))
            cells.append((size, method, sum(ratios) / len(ratios)))
    by = {(s, m): v for s, m, v in cells}
    print(f"| {name} | {by['500', 'topoformer']:.3f} | {by['500', 'topoformer-sample']:.3f} | "
          f"{by['1000', 'topoformer']:.3f} | {by['1000', 'topoformer-sample']:.3f} |", flush=True)
