namespace Scheduler.Graphs;

/// <summary>What kind of method a <see cref="SchedulerDescriptor"/> makes; the pass runs the kinds in stages, cheapest
/// first, so that each stage can start from the best order of the stages before it.</summary>
public enum MethodKind
{
    /// <summary>A cheap list or DFS heuristic (O((V + E) log V) or so); always runs.</summary>
    Heuristic,

    /// <summary>Search that improves on a start order (beam, local search).</summary>
    Search,

    /// <summary>A learned model (Topoformer).</summary>
    Learned,

    /// <summary>An exact solver that may prove optimality (DP, CP-SAT).</summary>
    Exact,
}
