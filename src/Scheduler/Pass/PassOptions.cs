using Scheduler.Graphs;

namespace Scheduler.Pass;

/// <summary>
/// Settings of <see cref="MemorySchedulingPass"/>: which methods form the portfolio, the wall-clock budget, and the
/// knobs handed to each method. Loadable from YAML (<see cref="PassOptionsYaml"/>).
/// </summary>
/// <param name="Methods">Method ids in the order they are tried; <c>input</c> is always a candidate and is added first.</param>
/// <param name="TimeBudget">Wall-clock budget for the whole portfolio; cheap methods always run.</param>
/// <param name="Seed">Seed for every randomised method.</param>
/// <param name="Samples">Best-of-K for sampling methods.</param>
/// <param name="ModelPath">Topoformer checkpoint; null for the shipped one.</param>
/// <param name="BeamWidth">Beam width for <c>beam</c>.</param>
/// <param name="ExactOpLimit">Exact methods (<c>exact</c>, <c>cpsat</c>) only run on graphs with at most this many ops.</param>
public sealed record PassOptions(
    IReadOnlyList<string> Methods,
    TimeSpan TimeBudget,
    int Seed = 0,
    int Samples = 16,
    string? ModelPath = null,
    int BeamWidth = 64,
    int ExactOpLimit = 500)
{
    /// <summary>The default portfolio: every heuristic, then search, Topoformer and the exact methods as time allows.</summary>
    public static IReadOnlyList<string> DefaultMethods { get; } =
    [
        "bfs", "dfs", "lpmf", "inductor-bfs", "inductor-dfs", "xla-list", "xla-dfs", "post-order",
        "topoformer", "beam", "local", "topoformer-sample", "exact", "cpsat",
    ];

    /// <summary>
    /// The memory model every candidate is scored with (default: <see cref="MemoryModelOptions.Default"/>). Methods still
    /// order under the default model internally; the pass re-scores their orders under this one.
    /// </summary>
    public MemoryModelOptions Memory { get; init; } = MemoryModelOptions.Default;

    /// <summary>Default options: the default portfolio within 10 seconds.</summary>
    public static PassOptions Default { get; } = new(DefaultMethods, TimeSpan.FromSeconds(10));

    /// <summary>Settings handed to a method that may use at most <paramref name="timeLimit"/>.</summary>
    public SchedulerSettings ToSettings(TimeSpan timeLimit)
        => new(Seed, Samples, timeLimit, BeamWidth, ModelPath);
}
