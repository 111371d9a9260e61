namespace Scheduler.Graphs;

/// <summary>
/// Knobs shared by the schedulers that have them; each scheduler reads only what applies to it. Passed from the CLI
/// (<c>--seed</c>, <c>--samples</c>, <c>--time-limit</c>, <c>--beam-width</c>, <c>--model</c>) and from the pass.
/// </summary>
/// <param name="Seed">Seed for any randomness; the same seed gives the same order.</param>
/// <param name="Samples">Best-of-K for sampling methods (<c>random</c>, <c>topoformer-sample</c>).</param>
/// <param name="TimeLimit">Wall-clock budget for search and exact methods; null means the method's default.</param>
/// <param name="BeamWidth">Width of beam search.</param>
/// <param name="ModelPath">Topoformer checkpoint; null means the shipped one under <c>models/</c>.</param>
/// <param name="StateLimit">Most states the exact DP may hold before it gives up.</param>
public sealed record SchedulerSettings(
    int Seed = 0,
    int Samples = 16,
    TimeSpan? TimeLimit = null,
    int BeamWidth = 64,
    string? ModelPath = null,
    int StateLimit = 2_000_000)
{
    /// <summary>Defaults.</summary>
    public static SchedulerSettings Default { get; } = new();
}
