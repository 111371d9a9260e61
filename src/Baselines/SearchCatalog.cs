using Scheduler.Baselines.Exact;
using Scheduler.Baselines.Search;
using Scheduler.Graphs;

namespace Scheduler.Baselines;

/// <summary>
/// The search (<c>beam</c>, <c>local</c>) and exact (<c>exact</c>, <c>cpsat</c>) methods as descriptors for the CLI
/// and the pass. Each takes its start orders from the given heuristics (the exact ones also from a beam search over
/// them); with none, it falls back to lpmf and Kahn's order.
/// </summary>
public static class SearchCatalog
{
    /// <summary>The four descriptors, cheapest first.</summary>
    /// <param name="startHeuristics">Start orders / hints for every method (typically the heuristic catalog).</param>
    /// <exception cref="ArgumentNullException"><paramref name="startHeuristics"/> is null.</exception>
    public static IReadOnlyList<SchedulerDescriptor> Create(IReadOnlyList<IScheduler> startHeuristics)
    {
        ArgumentNullException.ThrowIfNull(startHeuristics);
        // The exact methods also start from a default-width beam search over the heuristics: a tighter initial budget
        // prunes the DP harder, and a better hint helps CP-SAT (and is what they fall back to when they give up).
        IReadOnlyList<IScheduler> exactStarts = [.. startHeuristics, new BeamScheduler(startHeuristics, SchedulerSettings.Default)];
        return
        [
            new SchedulerDescriptor("beam", "Beam search over partial orders keyed by (peak so far, live bytes); width = --beam-width.",
                "search", s => new BeamScheduler(startHeuristics, s)),
            new SchedulerDescriptor("local", "Local search from the best heuristic: one-op moves in their legal window, incremental peak.",
                "search", s => new LocalSearchScheduler(startHeuristics, s)),
            new SchedulerDescriptor("exact", "Exact best-first DP over scheduled sets (Serenity); gives up at the state limit.",
                "exact", s => new ExactScheduler(exactStarts, s)),
            new SchedulerDescriptor("cpsat", "OR-Tools CP-SAT position model with a cumulative over tensor lifetimes; time-limited.",
                "exact", s => new CpSatScheduler(exactStarts, s)),
        ];
    }
}
