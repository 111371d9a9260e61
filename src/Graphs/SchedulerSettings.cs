namespace Scheduler.Graphs;

/// <summary>
/// Knobs shared by the schedulers that have them; each scheduler reads only what applies to it. Bound once from the
/// CLI flags or the pass YAML (<c>--seed</c>, <c>--samples</c>, <c>--temperature</c>, <c>--memory-weight</c>,
/// <c>--beam-width</c>, <c>--model</c>, <c>--effort</c>)
/// and handed to every method by the pass.
/// </summary>
/// <remarks>
/// Every method's budget is a count of work, so the same graph, settings and seed give the same order on any machine
/// at any load: <c>local</c> counts scored moves, <c>exact</c> stored states, <c>cpsat</c> CP-SAT's deterministic time
/// with a fixed worker count, <c>beam</c> its width, <c>topoformer-sample</c> its samples. <see cref="Effort"/>
/// multiplies the work budgets of local, beam, exact and cpsat. <see cref="TimeLimit"/> is only a safety cap: a method
/// that reaches it stops early and says so (its result may then differ between runs).
/// </remarks>
/// <param name="Seed">Seed for any randomness; the same seed gives the same order.</param>
/// <param name="Samples">Best-of-K for sampling methods (<c>random</c>, <c>topoformer-sample</c>).</param>
/// <param name="TimeLimit">Wall-clock safety cap for one method run (<see cref="SafetyCap"/>); null means
/// <see cref="SafetyCap.DefaultLimit"/>.</param>
/// <param name="BeamWidth">Width of beam search at effort 1.</param>
/// <param name="ModelPath">Topoformer checkpoint; null means the shipped one.</param>
/// <param name="Effort">Multiplier of every method's work budget (1 = the documented defaults).</param>
/// <param name="Temperature">Sampling temperature of <c>topoformer-sample</c>: logits are divided by it (above 1:
/// flatter, more exploration). Positive and finite; the default is the measured best (docs/results/topoformer-sampling.md).</param>
/// <param name="MemoryWeight">Memory-aware decoding of <c>topoformer</c> and <c>topoformer-sample</c>: at every step a
/// ready op's logit is lowered by this weight × the bytes running it then would add to the live set, per mean op output
/// (0: the paper's decoder, the network's priorities alone). Finite, ≥ 0.</param>
/// <param name="Memory">The memory model the methods order for (null: the default model). The pass binds it from
/// <c>--in-place</c>/<c>--views</c> or <c>memory_model</c> and hands solvers an analysis under the same model.</param>
public sealed record SchedulerSettings(
    int Seed = 0,
    int Samples = 16,
    TimeSpan? TimeLimit = null,
    int BeamWidth = 64,
    string? ModelPath = null,
    double Effort = 1,
    double Temperature = SchedulerSettings.DefaultTemperature,
    MemoryModelOptions? Memory = null,
    double MemoryWeight = SchedulerSettings.DefaultMemoryWeight)
{
    /// <summary>The default memory weight of Topoformer decoding: 1, which lowered the mean best-of-16 peak by 0.7–3.5%
    /// at 500–2000 ops on four held-out sets of layered graphs against the paper's decoder (weights 2–3 with hotter
    /// sampling lost at 500 ops; docs/results/memory-aware-decoding.md).</summary>
    public const double DefaultMemoryWeight = 1.0;

    /// <summary>The default sampling temperature: 0.5, the best mean best-of-16 of the temperatures measured
    /// (0.5, 1, 2) with the shipped checkpoint on held-out layered graphs (docs/results/topoformer-sampling.md).</summary>
    public const double DefaultTemperature = 0.5;

    /// <summary><see cref="Memory"/>, or the default model when it is null.</summary>
    public MemoryModelOptions Model => Memory ?? MemoryModelOptions.Default;

    /// <summary>Defaults.</summary>
    public static SchedulerSettings Default { get; } = new();

    /// <summary><paramref name="baseBudget"/> scaled by <see cref="Effort"/>, at least 1 (saturating, never overflowing).</summary>
    public long Scaled(long baseBudget)
    {
        double scaled = Math.Ceiling(baseBudget * Effort);
        return scaled >= long.MaxValue ? long.MaxValue : Math.Max(1, (long)scaled);
    }
}
