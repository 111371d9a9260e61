using Scheduler.Graphs;
using Scheduler.Topoformer.Decoding;

namespace Scheduler.Topoformer;

/// <summary>The learned methods for the CLI and the pass (kind Learned).</summary>
public static class TopoformerCatalog
{
    /// <summary><c>topoformer</c> (greedy decode) and <c>topoformer-sample</c> (best of Settings.Samples).</summary>
    public static IReadOnlyList<SchedulerDescriptor> All { get; } =
    [
        new("topoformer", "Topoformer (Gagrani et al. 2022): learned priorities, greedy decode", MethodKind.Learned,
            s => new TopoformerScheduler("topoformer", 1, DecodeMode.Greedy, s.Seed, s.ModelPath, s.TimeLimit)) { Accepts = Fits },
        new("topoformer-sample", "Topoformer: best of K sequential samples (K = --samples, default 16) by peak memory", MethodKind.Learned,
            s => new TopoformerScheduler("topoformer-sample", Math.Max(1, s.Samples), DecodeMode.Sample, s.Seed, s.ModelPath, s.TimeLimit)) { Accepts = Fits },
    ];

    private static bool Fits(ComputationGraph graph, SchedulerSettings settings) => graph.OpCount <= TopoformerScheduler.MaxNodes;
}
