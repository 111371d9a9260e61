namespace Scheduler.Graphs.Topology;

/// <summary>
/// Transitive closure of a graph as bitsets: strict ancestors and descendants of every op, O(N·E/64) time and
/// 2·N²/8 bytes. Feeds the cut bound and Topoformer's attention masks.
/// </summary>
public sealed class Reachability
{
    private readonly BitSet[] _descendants;
    private readonly BitSet[] _ancestors;

    private Reachability(BitSet[] descendants, BitSet[] ancestors)
    {
        _descendants = descendants;
        _ancestors = ancestors;
    }

    /// <summary>Ops reachable from <paramref name="op"/> by a path of one or more edges.</summary>
    public BitSet Descendants(int op) => _descendants[op];

    /// <summary>Ops from which <paramref name="op"/> is reachable by a path of one or more edges.</summary>
    public BitSet Ancestors(int op) => _ancestors[op];

    /// <summary>True when neither op reaches the other (and they differ).</summary>
    public bool Incomparable(int a, int b) => a != b && !_descendants[a].Get(b) && !_ancestors[a].Get(b);

    /// <summary>Computes the closure in one pass over a topological order each way.</summary>
    public static Reachability Compute(ComputationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.OpCount;
        var order = TopologicalSort.KahnOrder(graph);
        var desc = new BitSet[n];
        var anc = new BitSet[n];
        for (int i = n - 1; i >= 0; i--)
        {
            int u = order[i];
            var set = new BitSet(n);
            foreach (int w in graph.Successors(u))
            {
                set.Set(w);
                set.Or(desc[w]);
            }
            desc[u] = set;
        }
        foreach (int u in order)
        {
            var set = new BitSet(n);
            foreach (int p in graph.Predecessors(u))
            {
                set.Set(p);
                set.Or(anc[p]);
            }
            anc[u] = set;
        }
        return new Reachability(desc, anc);
    }

    /// <summary>
    /// Edges of the transitive reduction: u→w survives when no other successor of u reaches w. The remaining edges of
    /// the graph are the "shortcut" edges (DAG minus reduction).
    /// </summary>
    public List<(int From, int To)> ReductionEdges(ComputationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = new List<(int, int)>();
        var viaOthers = new BitSet(graph.OpCount);
        for (int u = 0; u < graph.OpCount; u++)
        {
            viaOthers.Clear();
            foreach (int x in graph.Successors(u))
            {
                viaOthers.Or(_descendants[x]);
            }
            foreach (int w in graph.Successors(u))
            {
                if (!viaOthers.Get(w))
                {
                    result.Add((u, w));
                }
            }
        }
        return result;
    }
}
