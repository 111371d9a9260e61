namespace Scheduler.Baselines.Exact;

/// <summary>How a <see cref="DownSetSearch"/> ended.</summary>
/// <param name="Order">An optimal order below the budget, or null when none exists or the search stopped.</param>
/// <param name="Bound">Largest peak proven unavoidable (the key of the last state expanded, at least the lower bound).</param>
/// <param name="States">States stored.</param>
/// <param name="StopReason">Why the search stopped early (state or time limit), or null when it finished.</param>
/// <param name="Capped">True when the wall-clock cap, not the state limit, stopped it.</param>
internal sealed record DownSetOutcome(int[]? Order, long Bound, int States, string? StopReason, bool Capped = false);
