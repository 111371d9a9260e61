# Table of benchmarks/scripts/temperature-scaling.sh's rows: best of 16 before (SETSIZE-w1.json) and after
# (SETSIZE-new.json) the temperature scaled the whole memory-aware logit. Usage: temperature_scaling_summary.py DIR
import json, statistics, sys
d = sys.argv[1] if len(sys.argv) > 1 else 'benchmarks/results/memory-aware-decoding/temperature-scaling'
lb = lambda x: max(x['lower_bound_bytes'], x['cut_bound_bytes'])
print('| set | ops | best heuristic | best of 16, before (s/T − W·term) | best of 16, now ((s − W·term)/T) | now vs before | better / tie / worse | now vs best heuristic | greedy (unchanged) |')
print('|---|---:|---|---:|---:|---:|---:|---:|---:|')
tot = [0, 0, 0]
for name in 'vxyz':
    for n in (500, 1000, 2000):
        s = f'{name}{n}'
        old = json.load(open(f'{d}/{s}-w1.json')); new = json.load(open(f'{d}/{s}-new.json'))
        heur = json.load(open(f"{d}/{s}-heuristics.json"))
        ms = sorted({r['method'] for r in heur})
        means = {m: statistics.mean(r['peak_bytes'] / lb(r) for r in heur if r['method'] == m) for m in ms}
        bh = min(means, key=means.get)
        po = {r['graph']: r for r in old if r['method'] == 'topoformer-sample'}
        pn = {r['graph']: r for r in new if r['method'] == 'topoformer-sample'}
        go = {r['graph']: r['peak_bytes'] for r in old if r['method'] == 'topoformer'}
        gn = {r['graph']: r['peak_bytes'] for r in new if r['method'] == 'topoformer'}
        assert go == gn, s
        mo = statistics.mean(r['peak_bytes'] / lb(r) for r in po.values()); mn = statistics.mean(r['peak_bytes'] / lb(r) for r in pn.values())
        b = sum(pn[g]['peak_bytes'] < po[g]['peak_bytes'] for g in po); w = sum(pn[g]['peak_bytes'] > po[g]['peak_bytes'] for g in po)
        tot[0] += b; tot[1] += len(po) - b - w; tot[2] += w
        mg = statistics.mean(r['peak_bytes'] / lb(r) for r in new if r['method'] == 'topoformer')
        print(f'| {name} | {n} | {means[bh]:.4f} ({bh}) | {mo:.4f} | {mn:.4f} | {100*(mn/mo-1):+.2f}% | {b} / {len(po)-b-w} / {w} | {100*(mn/means[bh]-1):+.2f}% | {mg:.4f} |')
print('total better/tie/worse', tot)
