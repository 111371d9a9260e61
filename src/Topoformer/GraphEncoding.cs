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

    /// <summary>
    /// The attention masks as an additive float tensor [1, masks·headsPerMask, N, N] on <paramref name="device"/>:
    /// 0 where row i may attend to column j, −∞ elsewhere, each mask repeated per head. Converting once here, not
    /// inside every layer's SDPA call, measured 1.5–2× faster forward passes at N = 2000 on 2 CPU cores.
    /// </summary>
    public Tensor MaskTensor(Device device, int headsPerMask)
    {
        using var scope = torch.NewDisposeScope();
        var allowed = torch.tensor(Masks, [1, AttentionMasks.Count, Nodes, Nodes], device: device); // [1, M, N, N] bool
        var zero = torch.tensor(0f, device: device); // [] (0-dim tensors: no temporary Scalar, see TorchScalars)
        var blocked = torch.tensor(float.NegativeInfinity, device: device); // []
        var additive = torch.where(allowed, zero, blocked); // [1, M, N, N] float
        var result = headsPerMask == 1 ? additive : additive.repeat_interleave(headsPerMask, dim: 1); // [1, M·h, N, N]
        return result.MoveToOuterDisposeScope();
    }
}
