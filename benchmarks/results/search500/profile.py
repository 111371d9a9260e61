import json, sys
def load(gp):
    g=json.load(open(gp)); n=len(g['nodes']); size=[0]*n
    for x in g['nodes']: size[x['id']]=x['size']
    succ=[[] for _ in range(n)]; pred=[[] for _ in range(n)]
    for a,b in g['edges']: succ[a].append(b); pred[b].append(a)
    return n,size,succ,pred
def profile(n,size,succ,pred,order,sink_live=False):
    pos={v:i for i,v in enumerate(order)}
    last=[max((pos[s] for s in succ[v]),default=None) for v in range(n)]
    live=0; steps=[]; free_at=[[] for _ in range(n)]
    for v in range(n):
        if last[v] is not None: free_at[last[v]].append(v)
    for i,v in enumerate(order):
        m=live+size[v]; steps.append(m)
        live+=size[v]
        for t in free_at[i]: live-=size[t]
        if last[v] is None and not sink_live: live-=size[v]
    return steps
if __name__=='__main__':
    n,size,succ,pred=load(sys.argv[1]); order=json.load(open(sys.argv[2]))['order']
    st=profile(n,size,succ,pred,order); pk=max(st)
    near=[i for i,s in enumerate(st) if s>=pk*0.99]
    print(sys.argv[1].split('/')[-1], 'peak',pk,'argmax',st.index(pk),'#peak steps',st.count(pk),'#>=99%',len(near), 'positions>=99%:',near[:20])
    # layer depth
    depth=[0]*n
    for v in range(n):
        pass
