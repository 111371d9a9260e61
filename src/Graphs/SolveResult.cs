namespace Scheduler.Graphs;

/// <summary>How an improving method ended.</summary>
public enum SolveStatus
{
    /// <summary>The order is proven optimal.</summary>
    Optimal,

    /// <summary>A valid order, not proven optimal (the work budget is spent).</summary>
    Feasible,

    /// <summary>The method gave up; the order is a fallback (its start or hint).</summary>
    GaveUp,
}

/// <summary>An order plus what an improving method proved about it.</summary>
/// <param name="Order">Op indices in execution order.</param>
/// <param name="Status">Optimal, feasible, or gave up.</param>
/// <param name="ProvenLowerBound">Largest peak lower bound the method proved, if any.</param>
/// <param name="Message">Why it gave up or stopped, for reports.</param>
/// <param name="Capped">True when the wall-clock safety cap, not the work budget, ended the method: only then may the
/// result differ between runs.</param>
/// <param name="Work">The work the method spent, in the unit of its budget (<c>local</c>: scored moves, <c>exact</c>:
/// stored states, <c>cpsat</c>: milliseconds of CP-SAT deterministic time), or null when it does not count. A count,
/// never the clock, so it is the same on every run; the adaptive portfolio learns method costs from it.</param>
public sealed record SolveResult(int[] Order, SolveStatus Status, long? ProvenLowerBound = null, string? Message = null, bool Capped = false,
    long? Work = null)
{
    /// <summary>The method's anytime curve (<see cref="AnytimeTrace"/>: best peak against work spent), or null for a method
    /// that does not record one. Its last point is the returned order's peak.</summary>
    public IReadOnlyList<AnytimePoint>? Trace { get; init; }
}

/// <summary>
/// A scheduler that improves on a start order and can say what it proved: search, exact and learned methods. The pass
/// calls <see cref="Solve"/> with its shared per-graph analysis and the best order it holds; a standalone call
/// (<see cref="IScheduler.Order"/>) finds its own start.
/// </summary>
public interface ISolvingScheduler : IScheduler
{
    /// <summary>Orders <see cref="GraphAnalysis.Graph"/>, starting from <paramref name="start"/> when given (else the
    /// method's own start heuristics), and reports the status and any proven bound.</summary>
    SolveResult Solve(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken = default);
}
