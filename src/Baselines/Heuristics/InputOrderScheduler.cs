using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// <c>input</c>: the order the graph file lists its ops in — what a compiler would run without this pass, so it is the
/// reference every other method is compared with. If the file order is not topological, the result is the
/// lexicographically smallest topological order (Kahn with a min-heap on the index), which equals the file order
/// whenever the file order is valid and otherwise moves as few ops as Kahn's rule allows. O(V + E), or
/// O((V + E) log V) for the repair.
/// </summary>
public sealed class InputOrderScheduler : IScheduler
{
    /// <inheritdoc/>
    public string Name => "input";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        cancellationToken.ThrowIfCancellationRequested();
        int n = graph.OpCount;
        var order = new int[n];
        bool forward = true;
        for (int v = 0; v < n; v++)
        {
            order[v] = v;
            var successors = graph.Successors(v);
            // Successors are sorted, so checking the smallest one is enough.
            forward &= successors.Length == 0 || successors[0] > v;
        }
        return forward ? order : SmallestTopologicalOrder(graph, cancellationToken);
    }

    private static int[] SmallestTopologicalOrder(ComputationGraph graph, CancellationToken cancellationToken)
        => ReadyList<int>.Order(graph, v => v, cancellationToken: cancellationToken);
}
