using Scheduler.Graphs;
using TorchSharp;
using static TorchSharp.torch;

namespace Scheduler.Topoformer;

/// <summary>
/// A graph turned into the network's inputs, still as plain arrays (so encoding is pure and testable without
/// torch): node features [N, F] and attention masks [<see cref="AttentionMasks.Count"/>, N, N].
/// </summary>
public sealed class GraphEncoding
{
    private GraphEncoding(int nodes, int featureCount, float[] features, bool[] masks)
    {
        Nodes = nodes;
        FeatureCount = featureCount;
        Features = features;
        Masks = masks;
    }

    /// <summary>N, the number of ops.</summary>
    public int Nodes { get; }

    /// <summary>F, the number of features per op.</summary>
    public int FeatureCount { get; }

    /// <summary>Row-major [N, F] node features.</summary>
    public float[] Features { get; }

    /// <summary>Row-major [masks, N, N]; true where row i may attend to column j.</summary>
    public bool[] Masks { get; }

    /// <summary>Computes features and masks for <paramref name="graph"/>.</summary>
    public static GraphEncoding Create(ComputationGraph graph, TopoformerOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var features = GraphFeatures.Compute(graph, options.Features);
        return new GraphEncoding(graph.OpCount, options.Features.Count, features, AttentionMasks.Build(graph));
    }

    /// <summary>The feature tensor [N, F] on <paramref name="device"/>.</summary>
    public Tensor FeatureTensor(Device device)
        => torch.tensor(Features, [Nodes, FeatureCount], device: device); // [N, F]

    /// <summary>The mask tensor [1, masks·headsPerMask, N, N] on <paramref name="device"/>, each mask repeated per head.</summary>
    public Tensor MaskTensor(Device device, int headsPerMask)
    {
        using var masks = torch.tensor(Masks, [1, AttentionMasks.Count, Nodes, Nodes], device: device); // [1, M, N, N]
        return headsPerMask == 1 ? masks.clone() : masks.repeat_interleave(headsPerMask, dim: 1); // [1, M·h, N, N]
    }
}
