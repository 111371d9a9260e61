using Scheduler.Graphs;

namespace Scheduler.Pass;

/// <summary>What the pass chose and everything it tried.</summary>
/// <param name="Best">The winning schedule (lowest peak; ties go to the earlier candidate, so <c>input</c> wins ties).</param>
/// <param name="Candidates">Every candidate in portfolio order (input first), failures and skips included.</param>
/// <param name="ResidentBytes">Bytes of resident inputs and weights (constant across orders).</param>
/// <param name="WorkingSetBound">The working-set lower bound.</param>
/// <param name="CutBound">The cut lower bound.</param>
/// <param name="ClosureBound">The closure lower bound (<see cref="GraphAnalysis.ClosureBound"/>; at least the cut bound).</param>
public sealed record PassResult(
    Schedule Best,
    IReadOnlyList<CandidateResult> Candidates,
    long ResidentBytes,
    long WorkingSetBound,
    long CutBound,
    long ClosureBound)
{
    /// <summary>The input order's peak (always a candidate).</summary>
    public long InputPeakBytes => Candidates.First(c => c.Method == "input").PeakBytes!.Value;

    /// <summary>The winning candidate.</summary>
    public CandidateResult Winner => Candidates.First(c => c.Method == Best.Scheduler);

    /// <summary>What proves the winner optimal (a method's proof, or "lower bound" when its peak meets it), or null
    /// when it is not proven.</summary>
    public string? ProofSource { get; init; }

    /// <summary>True when the winner is proven optimal.</summary>
    public bool ProvenOptimal => ProofSource is not null;

    /// <summary>True when the wall-clock safety cap cut some method short or skipped it: only then may the result
    /// differ between runs.</summary>
    public bool Capped { get; init; }
}
