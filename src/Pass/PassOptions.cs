using Scheduler.Graphs;

namespace Scheduler.Pass;

/// <summary>
/// Settings of <see cref="MemorySchedulingPass"/>: which methods form the portfolio, the knobs handed to every method
/// (<see cref="Settings"/>, where the work budgets and <c>effort</c> live), the memory model, and the wall-clock safety
/// cap. Bound once from CLI flags (<c>Cli.CommonOptions</c>) or YAML (<see cref="PassOptionsYaml"/>).
/// </summary>
public sealed record PassOptions
{
    /// <summary>The default portfolio: every heuristic, then Topoformer, then search, then the exact methods.</summary>
    public static IReadOnlyList<string> DefaultMethods { get; } =
    [
        "bfs", "dfs", "lpmf", "inductor-bfs", "inductor-dfs", "xla-list", "xla-dfs", "post-order",
        "topoformer", "beam", "local", "topoformer-sample", "exact", "cpsat",
    ];

    /// <summary>Default options: the default portfolio, effort 1, a 60-second safety cap, all cores.</summary>
    public static PassOptions Default { get; } = new();

    /// <summary>Method ids; <c>input</c> is always a candidate and is added first. The pass runs them in stages by
    /// kind (heuristics, then learned, then search, then exact); within a stage, list order breaks ties.</summary>
    public IReadOnlyList<string> Methods { get; init; } = DefaultMethods;

    /// <summary>Knobs for every method: seed, samples, beam width, checkpoint, effort (the work-budget multiplier).
    /// Its <see cref="SchedulerSettings.TimeLimit"/> is ignored: the pass sets each method's cap from
    /// <see cref="TimeBudget"/>.</summary>
    public SchedulerSettings Settings { get; init; } = SchedulerSettings.Default;

    /// <summary>Wall-clock safety cap for the whole pass. Work budgets, not this, end methods on ordinary graphs; a
    /// result that the cap cut is reported as such (<see cref="PassResult.Capped"/>).</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Exact methods (<c>exact</c>, <c>cpsat</c>) only run on graphs with at most this many ops.</summary>
    public int ExactOpLimit { get; init; } = 500;

    /// <summary>True when <paramref name="method"/> is an exact method and <paramref name="graph"/> is above
    /// <see cref="ExactOpLimit"/> (the pass and compare skip it).</summary>
    public bool ExactTooLarge(SchedulerDescriptor method, ComputationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(graph);
        return method.Kind == MethodKind.Exact && graph.OpCount > ExactOpLimit;
    }

    /// <summary>True when the pass would run <paramref name="method"/> on <paramref name="graph"/>: it is not an exact
    /// method above <see cref="ExactOpLimit"/>, and the method accepts the graph (<see cref="SchedulerDescriptor.Accepts"/>).
    /// Decided without running anything.</summary>
    public bool WillRun(SchedulerDescriptor method, ComputationGraph graph)
        => !ExactTooLarge(method, graph) && method.Accepts(graph, Settings);

    /// <summary>Most methods run at once within a stage (default: the processor count). The result does not depend
    /// on it.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The memory model every method orders for and every candidate is scored with, and the one the bounds hold under
    /// (default: <see cref="MemoryModelOptions.Default"/>). The pass hands it to each method in its settings and in the
    /// shared analysis; <c>cpsat</c>, whose model cannot express views or in-place reuse, says so and is re-scored.
    /// </summary>
    public MemoryModelOptions Memory { get; init; } = MemoryModelOptions.Default;
}
