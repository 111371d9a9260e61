namespace Scheduler.Pass;

/// <summary>How one method's run inside the pass or a comparison ended.</summary>
public enum CandidateStatus
{
    /// <summary>A heuristic's order (nothing is proven about it).</summary>
    Ok,

    /// <summary>The order is proven optimal (by the method, or because its peak meets the lower bound).</summary>
    Optimal,

    /// <summary>A valid order; the method spent its work budget without a proof.</summary>
    Feasible,

    /// <summary>The method gave up and returned its start order.</summary>
    GaveUp,

    /// <summary>The wall-clock safety cap stopped the method: its order is valid but may differ between runs.</summary>
    Capped,

    /// <summary>The method threw or returned an invalid order.</summary>
    Failed,

    /// <summary>The method did not run (too large, optimum already proven, or no time left).</summary>
    Skipped,
}

/// <summary>Kebab-case ids of <see cref="CandidateStatus"/> for JSON, CSV and tables.</summary>
public static class CandidateStatusNames
{
    /// <summary>The id of <paramref name="status"/> (ok, optimal, feasible, gave-up, capped, failed, skipped).</summary>
    public static string Id(this CandidateStatus status) => status switch
    {
        CandidateStatus.Ok => "ok",
        CandidateStatus.Optimal => "optimal",
        CandidateStatus.Feasible => "feasible",
        CandidateStatus.GaveUp => "gave-up",
        CandidateStatus.Capped => "capped",
        CandidateStatus.Failed => "failed",
        _ => "skipped",
    };
}
