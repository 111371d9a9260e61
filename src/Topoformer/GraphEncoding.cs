using Scheduler.Graphs;
using TorchSharp;
using static TorchSharp.torch;

namespace Scheduler.Topoformer;

/// <summary>
/// A graph turned into the network's inputs, still as plain arrays (so encoding is pure and testable without
/// torch): node features [N, F] and the sampled attention relations (at most
/// <see cref="TopoformerOptions.NeighboursFor"/>(N) members per op and relation).
/// </summary>
public sealed class GraphEncoding
{
    private GraphEncoding(int nodes, int featureCount, float[] features, SampledRelations relations)
    {
        Nodes = nodes;
        FeatureCount = featureCount;
        Features = features;
        Relations = relations;
    }

    /// <summary>N, the number of ops.</summary>
    public int Nodes { get; }

    /// <summary>F, the number of features per op.</summary>
    public int FeatureCount { get; }

    /// <summary>Row-major [N, F] node features.</summary>
    public float[] Features { get; }

    /// <summary>Whom each op attends to, per relation.</summary>
    public SampledRelations Relations { get; }

    /// <summary>Computes features and relations for <paramref name="graph"/>; one blocked reachability pass serves both.</summary>
    public static GraphEncoding Create(ComputationGraph graph, TopoformerOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var relations = SampledRelations.Compute(graph, options.NeighboursFor(graph.OpCount));
        var features = GraphFeatures.Compute(graph, options.Features, relations);
        return new GraphEncoding(graph.OpCount, options.Features.Count, features, relations);
    }

    /// <summary>The feature tensor [N, F] on <paramref name="device"/>.</summary>
    public Tensor FeatureTensor(Device device)
        => torch.tensor(Features, [Nodes, FeatureCount], device: device); // [N, F]

    /// <summary>The attention tables on <paramref name="device"/> (dispose them after the forward pass).</summary>
    /// <param name="device">Where the tensors go.</param>
    /// <param name="headsPerMask">Heads per relation (<see cref="TopoformerOptions.HeadsPerMask"/>).</param>
    /// <param name="denseKernelMaxNodes">Largest graph also given the dense-mask kernel (tests: 0 forces gather).</param>
    public AttentionIndex AttentionTensors(Device device, int headsPerMask, int denseKernelMaxNodes = AttentionIndex.DenseKernelMaxNodes)
        => AttentionIndex.Create(Relations, device, headsPerMask, denseKernelMaxNodes);
}
