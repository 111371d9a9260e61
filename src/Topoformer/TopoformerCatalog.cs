using Scheduler.Graphs;
using Scheduler.Topoformer.Decoding;

namespace Scheduler.Topoformer;

/// <summary>The learned methods for the CLI and the pass (kind Learned).</summary>
public static class TopoformerCatalog
{
    /// <summary>How <c>topoformer-sample</c> draws its candidates: sequential sampling. Sampling without replacement
    /// (<see cref="DecodeMode.StochasticBeam"/>) was as good on the mean and no better per graph at two to four times
    /// the decode time, because sequential samples of orders this long almost never repeat
    /// (docs/results/topoformer-sampling.md).</summary>
    public const DecodeMode SampleMode = DecodeMode.Sample;

    /// <summary><c>topoformer</c> (greedy decode) and <c>topoformer-sample</c> (best of Settings.Samples).</summary>
    public static IReadOnlyList<SchedulerDescriptor> All { get; } =
    [
        new("topoformer", "Topoformer (Gagrani et al. 2022): learned priorities, greedy memory-aware decode (--memory-weight; 0: the paper's)", MethodKind.Learned,
            s => new TopoformerScheduler("topoformer", 1, DecodeMode.Greedy, s.Seed, s.ModelPath, s.TimeLimit, memoryWeight: s.MemoryWeight)) { Accepts = Fits },
        new("topoformer-sample", "Topoformer: best of the greedy decode and K - 1 sequential samples at --temperature (K = --samples, default 16) by peak memory", MethodKind.Learned,
            s => new TopoformerScheduler("topoformer-sample", Math.Max(1, s.Samples), SampleMode, s.Seed, s.ModelPath, s.TimeLimit, s.Temperature, s.MemoryWeight))
        { Accepts = Fits },
    ];

    /// <summary>Exactly the graphs the scheduler does not refuse (its op limit and its reachability-work limit).</summary>
    private static bool Fits(ComputationGraph graph, SchedulerSettings settings)
        => TopoformerScheduler.SizeRefusal("topoformer", graph.Name, graph.OpCount, graph.EdgeCount) is null;
}
