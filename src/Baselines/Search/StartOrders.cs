using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Search;

/// <summary>Where an improving method's start order comes from: the one it is handed (by the pass) or, standalone, the
/// best of its own start heuristics.</summary>
internal static class StartOrders
{
    /// <summary><paramref name="given"/> when not null, else <see cref="Best"/> of <paramref name="heuristics"/>.</summary>
    public static StartOrder Resolve(ComputationGraph graph, StartOrder? given, IReadOnlyList<IScheduler> heuristics, CancellationToken ct)
        => given ?? Best(graph, heuristics, ct);

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
