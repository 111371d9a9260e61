using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// <c>inductor-bfs</c>: PyTorch Inductor's <c>topological_sort_bfs</c> (<c>torch/_inductor/memory.py</c>). When an op
/// becomes ready it is keyed by the sorted list of the positions at which its predecessors ran; the ready op with the
/// lexicographically smallest list goes next (a shorter list that is a prefix of another is smaller; then input
/// order). This is FIFO refined: the consumer of the oldest tensors runs first, so tensors made early are released
/// early. The keys live in one flat array indexed like the predecessor lists; O((V + E) log V) heap operations, each
/// comparison O(d).
/// </summary>
public sealed class InductorBfsScheduler : IScheduler
{
    /// <inheritdoc/>
    public string Name => "inductor-bfs";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.OpCount;
        var offsets = new int[n + 1];
        for (int v = 0; v < n; v++)
        {
            offsets[v + 1] = offsets[v] + graph.Predecessors(v).Length;
        }
        var keys = new int[offsets[n]];
        var position = new int[n];
        // The queue's key is the op itself, compared through its list; the list is filled when the op becomes ready.
        int KeyOf(int w)
        {
            var preds = graph.Predecessors(w);
            var key = keys.AsSpan(offsets[w], preds.Length);
            for (int i = 0; i < preds.Length; i++)
            {
                key[i] = position[preds[i]];
            }
            key.Sort();
            return w;
        }
        var ready = new ReadyList<int>(graph, KeyOf, new KeyComparer(offsets, keys));
        var order = new int[n];
        for (int step = 0; step < n; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int u = ready.Pop();
            order[step] = u;
            position[u] = step;
            ready.Release(u);
        }
        return order;
    }

    /// <summary>Lexicographic order of the ops' key lists (Python list comparison), then op index.</summary>
    private sealed class KeyComparer(int[] offsets, int[] keys) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            var ka = keys.AsSpan(offsets[a], offsets[a + 1] - offsets[a]);
            var kb = keys.AsSpan(offsets[b], offsets[b + 1] - offsets[b]);
            int c = ka.SequenceCompareTo(kb);
            return c != 0 ? c : a.CompareTo(b);
        }
    }
}
