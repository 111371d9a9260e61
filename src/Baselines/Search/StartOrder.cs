using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Search;

/// <summary>The best valid start order among the given heuristics, scored by <see cref="MemoryModel"/>.</summary>
/// <param name="Order">The order.</param>
/// <param name="Peak">Its peak bytes.</param>
/// <param name="Source">Name of the heuristic that produced it.</param>
internal sealed record StartOrder(int[] Order, long Peak, string Source)
{
    /// <summary>
    /// Runs every start heuristic and keeps the lowest peak (ties go to list order, so the choice is deterministic).
    /// With no heuristics it falls back to <c>lpmf</c> (<see cref="LpmfScheduler"/>) and Kahn's order. An order that fails
    /// validation is skipped (it cannot seed a search); exceptions propagate to the caller (the portfolio decides).
    /// </summary>
    public static StartOrder Best(ComputationGraph graph, IReadOnlyList<IScheduler> heuristics, CancellationToken ct)
    {
        StartOrder? best = null;
        if (heuristics.Count == 0)
        {
            best = Better(best, graph, new LpmfScheduler().Order(graph, ct), "lpmf");
            best = Better(best, graph, TopologicalSort.KahnOrder(graph), "kahn");
        }
        foreach (var heuristic in heuristics)
        {
            ct.ThrowIfCancellationRequested();
            best = Better(best, graph, heuristic.Order(graph, ct), heuristic.Name);
        }
        return best ?? Better(null, graph, TopologicalSort.KahnOrder(graph), "kahn")!;
    }

    /// <summary>
    /// When the start order already meets the graph's lower bound it is optimal and a solver has nothing to do: the
    /// result to return, else null. <paramref name="solver"/> names the method in the message.
    /// </summary>
    public SolveResult? OptimalIfAtBound(long lowerBound, string solver)
        => Peak <= lowerBound
            ? new SolveResult(Order, SolveStatus.Optimal, Peak, $"{solver}: the start order ({Source}) meets the lower bound {lowerBound}.")
            : null;

    private static StartOrder? Better(StartOrder? best, ComputationGraph graph, int[] order, string source)
    {
        if (!MemoryModel.IsValid(graph, order, out _))
        {
            return best;
        }
        long peak = MemoryModel.Evaluate(graph, order);
        return best is null || peak < best.Peak ? new StartOrder(order, peak, source) : best;
    }
}
