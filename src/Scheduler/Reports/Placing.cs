namespace Scheduler.Reports;

/// <summary>Where a single method's peak placed on one graph.</summary>
public enum Placing
{
    /// <summary>Another single method reached a lower peak (or this one has none).</summary>
    Behind,

    /// <summary>The lowest peak, shared with at least one other single method.</summary>
    Tie,

    /// <summary>The lowest peak, reached by no other single method.</summary>
    StrictWin,
}
