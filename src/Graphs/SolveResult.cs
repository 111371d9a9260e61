namespace Scheduler.Graphs;

/// <summary>How an exact or bounded method ended.</summary>
public enum SolveStatus
{
    /// <summary>The order is proven optimal.</summary>
    Optimal,

    /// <summary>A valid order, not proven optimal (time or state limit reached).</summary>
    Feasible,

    /// <summary>The method gave up; the order is a fallback (its start or hint).</summary>
    GaveUp,
}

/// <summary>An order plus what an exact or bounded method proved about it.</summary>
/// <param name="Order">Op indices in execution order.</param>
/// <param name="Status">Optimal, feasible, or gave up.</param>
/// <param name="ProvenLowerBound">Largest peak lower bound the method proved, if any.</param>
/// <param name="Message">Why it gave up or stopped, for reports.</param>
public sealed record SolveResult(int[] Order, SolveStatus Status, long? ProvenLowerBound = null, string? Message = null);

/// <summary>A scheduler that can also say whether its order is optimal (exact DP, CP-SAT).</summary>
public interface ISolvingScheduler : IScheduler
{
    /// <summary>Orders the graph and reports the status and any proven bound.</summary>
    SolveResult Solve(ComputationGraph graph, CancellationToken cancellationToken = default);
}
