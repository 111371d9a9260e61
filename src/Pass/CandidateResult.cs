namespace Scheduler.Pass;

/// <summary>One method's outcome inside the pass or a comparison.</summary>
/// <param name="Method">Method id.</param>
/// <param name="Order">The verified order, or null when the method failed or was skipped.</param>
/// <param name="PeakBytes">Peak under the memory model in force, or null.</param>
/// <param name="ElapsedMs">Wall time the method took.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">Why it failed or was skipped, or what an improving method reported.</param>
/// <param name="ProvenLowerBound">A lower bound proven by an exact method, if any.</param>
public sealed record CandidateResult(
    string Method,
    int[]? Order,
    long? PeakBytes,
    double ElapsedMs,
    CandidateStatus Status,
    string? Message = null,
    long? ProvenLowerBound = null)
{
    /// <summary>The work the method reported (<see cref="Scheduler.Graphs.SolveResult.Work"/>: moves, states, solver
    /// deterministic milliseconds), or null when it does not count its work.</summary>
    public long? Work { get; init; }

    /// <summary>The method's anytime curve (<see cref="Scheduler.Graphs.SolveResult.Trace"/>), kept only when it ends at
    /// <see cref="PeakBytes"/> as the memory model scores the order; null for methods that record none.</summary>
    public IReadOnlyList<Scheduler.Graphs.AnytimePoint>? Trace { get; init; }

    /// <summary>True when the candidate produced a verified order.</summary>
    public bool Succeeded => Order is not null && PeakBytes is not null;

    /// <summary>A candidate for a method that did not run.</summary>
    public static CandidateResult Skipped(string method, string why) => new(method, null, null, 0, CandidateStatus.Skipped, why);
}
