import json, sys
sys.path.insert(0,'/tmp/ana'); from profile import load, profile
gp, rp = sys.argv[1], sys.argv[2]
n,size,succ,pred=load(gp); order=json.load(open(rp))['order']
st=profile(n,size,succ,pred,order); pk=max(st); p=st.index(pk); v=order[p]
pos={u:i for i,u in enumerate(order)}
# ancestors / descendants of v
def closure(start, adj):
    seen=set(); stack=[start]
    while stack:
        x=stack.pop()
        for y in adj[x]:
            if y not in seen: seen.add(y); stack.append(y)
    return seen
anc=closure(v,pred); desc=closure(v,succ)|{v}
live=[u for u in order[:p] if any(pos[s]>=p for s in succ[u])]
forced=sum(size[u] for u in live if u in anc and any(s in desc for s in succ[u]))
print(gp.split('/')[-1], 'peak',pk,'pos',p,'op',v,'out',size[v],'live',sum(size[u] for u in live),'forced',forced,'optional',sum(size[u] for u in live)-forced, 'near(>=98%)',sum(1 for s in st if s>=0.98*pk))
