using Scheduler.Graphs;

namespace Scheduler.Pass;

/// <summary>
/// The accepted values of every numeric pass option, declared once: the CLI flags (<c>Cli.CommonOptions</c>) and the
/// YAML keys (<see cref="PassOptionsYaml"/>) both check against these, so a value is refused the same way wherever it
/// is written. The upper ends are far above any useful value; they only keep a typo from becoming an overflow or an
/// allocation that cannot succeed.
/// </summary>
public static class PassOptionRanges
{
    /// <summary><c>--seed</c> / <c>seed</c>: any 32-bit integer.</summary>
    public static ValueRange Seed { get; } = ValueRange.AnyInt;

    /// <summary><c>--samples</c> / <c>samples</c>: best-of-K, 1 to 1,000,000.</summary>
    public static ValueRange Samples { get; } = ValueRange.Integers(1, 1_000_000);

    /// <summary><c>--temperature</c> / <c>temperature</c>: sampling temperature of <c>topoformer-sample</c>, in (0, 100]
    /// (above that every ready op is about equally likely, and the samples are random orders).</summary>
    public static ValueRange Temperature { get; } = ValueRange.Positive(100);

    /// <summary><c>--memory-weight</c> / <c>memory_weight</c>: weight of memory-aware Topoformer decoding, in [0, 1000]
    /// (0: the paper's decoder; far above 10 the net bytes alone decide, as in a memory-greedy list scheduler).</summary>
    public static ValueRange MemoryWeight { get; } = ValueRange.Numbers(0, 1000);

    /// <summary><c>--beam-width</c> / <c>beam_width</c>: 1 to 100,000.</summary>
    public static ValueRange BeamWidth { get; } = ValueRange.Integers(1, 100_000);

    /// <summary><c>--effort</c> / <c>effort</c>: a positive multiplier, at most 1e6.</summary>
    public static ValueRange Effort { get; } = ValueRange.Positive(1e6);

    /// <summary><c>--time-limit</c> / <c>time_budget_seconds</c>: positive seconds, at most 1e7 (about 115 days).</summary>
    public static ValueRange TimeBudgetSeconds { get; } = ValueRange.Positive(1e7);

    /// <summary><c>--parallelism</c> / <c>parallelism</c>: 1 to 4096 methods at once.</summary>
    public static ValueRange Parallelism { get; } = ValueRange.Integers(1, 4096);

    /// <summary><c>exact_op_limit</c>: 0 (never run exact methods) to 1,000,000 ops.</summary>
    public static ValueRange ExactOpLimit { get; } = ValueRange.Integers(0, 1_000_000);

    /// <summary><c>--arena-alignment</c>: bytes every arena offset is a multiple of.</summary>
    public static ValueRange ArenaAlignment { get; } = ValueRange.Integers(1, 1 << 20);
}
