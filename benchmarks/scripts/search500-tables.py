# Tables of docs/results/lns.md, "Relinking and late acceptance": run from benchmarks/results.
import csv,sys
def load(p): return {r['graph']:int(r['peak']) for r in csv.DictReader(open(p))}
def table(title, ref, cols, sizes=(500,1000)):
    print(f"\n{title}\n")
    print("| graph | "+" | ".join(n for n,_ in [ref]+cols)+" | "+" | ".join(f"{n} vs {ref[0]}" for n,_ in cols)+" |")
    print("|---|"+"---:|"*(1+2*len(cols)))
    R=load(ref[1]); C=[(n,load(p)) for n,p in cols]
    summ={}
    for g in sorted(R, key=lambda g:(int(g.split('-')[1]),g)):
        if int(g.split('-')[1]) not in sizes or not all(g in c for _,c in C): continue
        ds=[(c[g]/R[g]-1)*100 for _,c in C]
        n=int(g.split('-')[1])
        for i,d in enumerate(ds): summ.setdefault((n,i),[]).append(d)
        print(f"| {g} | {R[g]:,} | "+" | ".join(f"{c[g]:,}" for _,c in C)+" | "+" | ".join(f"{d:+.2f}%" for d in ds)+" |")
    for n in sizes:
        cells=[]
        for i in range(len(C)):
            ds=summ.get((n,i),[])
            if not ds: continue
            cells.append(f"**{sum(ds)/len(ds):+.2f}%** ({sum(d<0 for d in ds)} better, {sum(d==0 for d in ds)} tie, {sum(d>0 for d in ds)} worse)")
        print(f"| **mean, {n} ops** |"+" |"*(1+len(C))+" "+" | ".join(cells)+" |")
S='search500/'
for s in ('9100','7100'):
    table(f"Seeds {s}N, effort 6 variants against today's effort 6 (quick harness):", ('e6 today', S+f'quick-base-{s}/e6.csv'),
          [('e6 relinking', S+f'quick-pr-{s}/e6.csv'), ('e6 late acceptance', S+f'quick-lahc-{s}/e6.csv')])
    table(f"Seeds {s}N, against `best --effort 1 --time-limit 10` (restarts/seed{s}/e1.csv):", ('e1 (10 s)', f'restarts/seed{s}/e1.csv'),
          [('e6 today', S+f'quick-base-{s}/e6.csv'), ('e6 relinking', S+f'quick-pr-{s}/e6.csv'), ('e6 late acceptance', S+f'quick-lahc-{s}/e6.csv')])
table("Seeds 9300N (fresh), today's code, quick harness:", ('e1', S+'quick-base-9300/e1.csv'), [('e6', S+'quick-base-9300/e6.csv')])
