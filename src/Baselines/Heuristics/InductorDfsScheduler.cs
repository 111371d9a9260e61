using Scheduler.Graphs;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// <c>inductor-dfs</c>: PyTorch Inductor's <c>topological_sort_dfs</c> (<c>torch/_inductor/memory.py</c>). Every op is
/// keyed by the bytes it touches (its outputs plus its non-resident inputs: <see cref="MemoryModel.WorkingSet"/>). A
/// DFS over predecessors emits ops in post-order; both the outer loop over all ops and each op's predecessors go in
/// ascending key order (then input order), so cheap subtrees are finished first and the big ones, whose tensors would
/// otherwise sit around, come last.
/// O(V log V + E log d).
/// </summary>
public sealed class InductorDfsScheduler : IScheduler
{
    /// <inheritdoc/>
    public string Name => "inductor-dfs";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.OpCount;
        var key = new long[n];
        var roots = new int[n];
        for (int v = 0; v < n; v++)
        {
            key[v] = MemoryModel.WorkingSet(graph, v);
            roots[v] = v;
        }
        var bySize = Comparer<int>.Create((a, b) =>
        {
            int c = key[a].CompareTo(key[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        Array.Sort(roots, bySize);
        var (offsets, targets) = DepthFirst.Adjacency(graph, predecessors: true, bySize);
        return DepthFirst.PostOrder(offsets, targets, roots, cancellationToken);
    }
}
