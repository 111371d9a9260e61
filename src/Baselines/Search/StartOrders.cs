using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Search;

/// <summary>Where an improving method's start order comes from: the one it is handed (by the pass) or, standalone, the
/// best of its own start heuristics.</summary>
internal static class StartOrders
{
    /// <summary><paramref name="given"/> when not null, else <see cref="Best"/> of <paramref name="heuristics"/>.</summary>
    public static StartOrder Resolve(GraphAnalysis analysis, StartOrder? given, IReadOnlyList<IScheduler> heuristics, SafetyCap cap, CancellationToken ct)
        => given ?? Best(analysis, heuristics, cap, ct);

    /// <summary>
    /// The start of an exact method: <paramref name="given"/> when not null; standalone, <see cref="Best"/> of
    /// <paramref name="heuristics"/>, improved when <paramref name="beam"/> by a default-width beam search from it (a
    /// tighter initial budget prunes the dynamic program harder, and a better hint helps CP-SAT). The beam's order
    /// replaces the heuristic's only when its peak is strictly lower, and a beam cut by the cap leaves the heuristic's;
    /// a graph too large for the beam (<see cref="BeamScheduler.MaxCopyWork"/>) keeps the heuristic's.
    /// </summary>
    public static StartOrder Resolve(GraphAnalysis analysis, StartOrder? given, IReadOnlyList<IScheduler> heuristics, bool beam, SafetyCap cap, CancellationToken ct)
    {
        if (given is not null)
        {
            return given;
        }
        var best = Best(analysis, heuristics, cap, ct);
        var search = new BeamScheduler([], SchedulerSettings.Default with { Memory = analysis.Memory });
        if (!beam || cap.IsReached || search.CopyWork(analysis.Graph) > BeamScheduler.MaxCopyWork)
        {
            return best;
        }
        var refined = search.Solve(analysis, best, cap, ct);
        if (refined.Capped)
        {
            return best;
        }
        long peak = MemoryModel.Evaluate(analysis.Graph, refined.Order, analysis.Memory);
        return peak < best.Peak ? new StartOrder(refined.Order, peak, "beam") : best;
    }

    /// <summary>
    /// Runs every start heuristic and keeps the lowest peak under the analysis's memory model (ties go to list order, so the choice is deterministic).
    /// With no heuristics it falls back to <c>lpmf</c> (<see cref="LpmfScheduler"/>) and Kahn's order. An order that fails
    /// validation is skipped (it cannot seed a search); exceptions propagate to the caller (the portfolio decides). Once
    /// the cap is reached the remaining heuristics are skipped (the caller sees <see cref="SafetyCap.IsReached"/>).
    /// </summary>
    public static StartOrder Best(GraphAnalysis analysis, IReadOnlyList<IScheduler> heuristics, SafetyCap cap, CancellationToken ct)
    {
        var graph = analysis.Graph;
        var memory = analysis.Memory;
        StartOrder? best = null;
        if (heuristics.Count == 0)
        {
            best = Better(best, graph, new LpmfScheduler(memory).Order(graph, ct), "lpmf", memory);
            best = Better(best, graph, TopologicalSort.KahnOrder(graph), "kahn", memory);
        }
        foreach (var heuristic in heuristics)
        {
            ct.ThrowIfCancellationRequested();
            if (best is not null && cap.IsReached)
            {
                break;
            }
            best = Better(best, graph, heuristic.Order(graph, ct), heuristic.Name, memory);
        }
        return best ?? Better(null, graph, TopologicalSort.KahnOrder(graph), "kahn", memory)!;
    }

    private static StartOrder? Better(StartOrder? best, ComputationGraph graph, int[] order, string source, MemoryModelOptions memory)
    {
        if (!MemoryModel.IsValid(graph, order, out _))
        {
            return best;
        }
        long peak = MemoryModel.Evaluate(graph, order, memory);
        return best is null || peak < best.Peak ? new StartOrder(order, peak, source) : best;
    }
}
