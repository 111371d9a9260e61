using Scheduler.Baselines.Exact;
using Scheduler.Baselines.Search;
using Scheduler.Graphs;

namespace Scheduler.Baselines;

/// <summary>
/// The search (<c>beam</c>, <c>local</c>) and exact (<c>exact</c>, <c>cpsat</c>) methods as descriptors for the CLI
/// and the pass. Inside the pass each starts from the best order the pass holds; run alone, each takes its start from
/// the given heuristics (the exact ones also from a beam search over them) or, with none, lpmf and Kahn's order.
/// </summary>
public static class SearchCatalog
{
    /// <summary>The four descriptors, cheapest first.</summary>
    /// <param name="startHeuristics">Start orders / hints for every method (typically the heuristic catalog).</param>
    /// <exception cref="ArgumentNullException"><paramref name="startHeuristics"/> is null.</exception>
    public static IReadOnlyList<SchedulerDescriptor> Create(IReadOnlyList<IScheduler> startHeuristics)
    {
        ArgumentNullException.ThrowIfNull(startHeuristics);
        // Run alone, the exact methods also improve the best heuristic with a default-width beam search (within their cap):
        // a tighter initial budget prunes the DP harder, and a better hint helps CP-SAT. The pass hands them its best order instead.
        return
        [
            new SchedulerDescriptor("beam", "Beam search over partial orders keyed by (peak so far, live bytes); width = --beam-width.",
                MethodKind.Search, s => new BeamScheduler(startHeuristics, s)) { Accepts = BeamScheduler.Accepts },
            new SchedulerDescriptor("local", "Local search from the best heuristic: one-op moves in their legal window, incremental peak.",
                MethodKind.Search, s => new LocalSearchScheduler(startHeuristics, s)) { Accepts = static (g, _) => g.OpCount <= LocalSearchScheduler.MaxOps },
            new SchedulerDescriptor("exact", "Exact best-first DP over scheduled sets (Serenity); gives up at the state limit.",
                MethodKind.Exact, s => new ExactScheduler(startHeuristics, s, beamStart: true)),
            new SchedulerDescriptor("cpsat", "OR-Tools CP-SAT position model with a cumulative over tensor lifetimes; time-limited.",
                MethodKind.Exact, s => new CpSatScheduler(startHeuristics, s, beamStart: true)) { Accepts = static (g, _) => g.OpCount <= CpSatScheduler.MaxOps },
        ];
    }
}
