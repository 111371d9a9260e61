namespace Scheduler.Pass.Compare;

/// <summary>One method on one graph in a comparison.</summary>
/// <param name="Dataset">Dataset of the graph.</param>
/// <param name="Graph">Graph name.</param>
/// <param name="Ops">Number of ops.</param>
/// <param name="Method">Method id, or a pseudo-method (<see cref="CompareRunner.PseudoMethods"/>).</param>
/// <param name="PeakBytes">Peak under the memory model (null when the method failed or was skipped).</param>
/// <param name="LowerBoundBytes">Working-set lower bound.</param>
/// <param name="CutBoundBytes">Cut lower bound.</param>
/// <param name="ClosureBoundBytes">Closure lower bound (<see cref="Graphs.GraphAnalysis.ClosureBound"/>; at least the cut bound).</param>
/// <param name="ResidentBytes">Resident inputs and weights.</param>
/// <param name="ElapsedMs">Wall time of the method.</param>
/// <param name="Status">How the run ended.</param>
/// <param name="OrderIds">The order as file ids (null when none).</param>
/// <param name="Message">Failure or solver message.</param>
/// <param name="ProvenLowerBound">Bound proven by an exact method, if any.</param>
public sealed record CompareRow(
    string Dataset,
    string Graph,
    int Ops,
    string Method,
    long? PeakBytes,
    long LowerBoundBytes,
    long CutBoundBytes,
    long ClosureBoundBytes,
    long ResidentBytes,
    double ElapsedMs,
    CandidateStatus Status,
    long[]? OrderIds,
    string? Message = null,
    long? ProvenLowerBound = null)
{
    /// <summary>For the portfolio rows (<c>best</c>, <c>adaptive</c>): the work of every method that ran, in reference
    /// milliseconds (<see cref="Adaptive.MethodCost"/>): a cost that does not depend on the machine or its load, so the
    /// two rows' totals compare on any machine; null for other rows.</summary>
    public double? ReferenceMs { get; init; }

    /// <summary>With <see cref="CompareRunner.Arena"/>: the arena the row's order needs after offset planning (null
    /// without the option or without an order).</summary>
    public long? ArenaBytes { get; init; }

    /// <summary>With <see cref="CompareRunner.Arena"/>: the offset strategy whose plan won.</summary>
    public string? ArenaStrategy { get; init; }

    /// <summary>With <see cref="CompareRunner.Arena"/>: true when no smaller arena exists for the order's lifetimes
    /// (the plan meets <see cref="Graphs.Arena.ArenaProblem.LowerBound"/> or CP-SAT proved it).</summary>
    public bool? ArenaProven { get; init; }

    /// <summary>With <see cref="CompareRunner.Arena"/>: wall time of the offset planning for the row's order, kept apart
    /// from <see cref="ElapsedMs"/> (the method's own time). Rows whose order another row of the graph already had reuse
    /// that plan and carry its time.</summary>
    public double? ArenaMs { get; init; }

    /// <summary>The method's anytime curve (best peak against work, <see cref="Graphs.AnytimePoint"/>), for methods that
    /// record one (<c>local</c>); null otherwise.</summary>
    public IReadOnlyList<Graphs.AnytimePoint>? Trace { get; init; }

    /// <summary>Arena bytes over the live peak, less one (0 when the peak is 0; null without an arena).</summary>
    public double? Fragmentation => ArenaBytes is long a && PeakBytes is long p ? (p == 0 ? 0 : (double)(a - p) / p) : null;

    /// <summary>The tightest of the lower bounds.</summary>
    public long BestLowerBound => Math.Max(LowerBoundBytes, Math.Max(CutBoundBytes, ClosureBoundBytes));

    /// <summary>Peak divided by the tighter lower bound (null without a peak or with a zero bound).</summary>
    public double? Ratio => PeakBytes is long p && BestLowerBound > 0 ? (double)p / BestLowerBound : null;
}
