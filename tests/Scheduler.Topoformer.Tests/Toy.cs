using Scheduler.Graphs;
using Scheduler.Topoformer.Model;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Tests;

/// <summary>Hand-made graphs and tiny, seeded networks shared by the tests.</summary>
internal static class Toy
{
    /// <summary>Tiny dimensions so every test runs in milliseconds.</summary>
    public static TopoformerOptions Options { get; } = new() { Layers = 2, ModelDim = 16, HeadDim = 4, MlpRatio = 2 };

    /// <summary>0→1, 0→2, 1→3, 2→3.</summary>
    public static ComputationGraph Diamond() => ComputationGraph.FromSizes([4, 2, 3, 1], [(0, 1), (0, 2), (1, 3), (2, 3)], "diamond");

    /// <summary>0→1→2 plus the shortcut 0→2.</summary>
    public static ComputationGraph ChainWithShortcut() => ComputationGraph.FromSizes([1, 2, 3], [(0, 1), (1, 2), (0, 2)], "chain-shortcut");

    /// <summary>n ops, no edges: every permutation is an order (Plackett–Luce under sequential softmax).</summary>
    public static ComputationGraph Edgeless(int n) => ComputationGraph.FromSizes(Enumerable.Range(1, n).Select(i => (long)i).ToArray(), [], "edgeless");

    /// <summary>A network with fixed initial weights.</summary>
    public static TopoformerNetwork Network(int seed = 7, TopoformerOptions? options = null)
    {
        manual_seed(seed);
        return new TopoformerNetwork(options ?? Options);
    }

    /// <summary>Logits with autograd for one graph.</summary>
    public static Tensor Forward(TopoformerNetwork network, ComputationGraph graph)
    {
        var encoding = GraphEncoding.Create(graph, network.Options);
        return network.forward(encoding.FeatureTensor(CPU), encoding.AttentionTensors(CPU, network.Options.HeadsPerMask));
    }
}
