using Scheduler.Graphs;
using Scheduler.Topoformer.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Tests;

/// <summary>
/// The network as it ran before attention was sampled, written out functionally over a network's own weights: dense
/// [1, H, N, N] masks from <see cref="DenseRelations"/> and scaled_dot_product_attention. The oracle for the sampled
/// attention where every relation is listed whole.
/// </summary>
internal static class DenseTopoformer
{
    /// <summary>[N] logits of <paramref name="network"/> on <paramref name="graph"/> with dense masked attention.</summary>
    public static float[] Logits(TopoformerNetwork network, ComputationGraph graph)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var o = network.Options;
        var w = network.state_dict();
        int n = graph.OpCount;
        var x = Linear(tensor(GraphFeatures.Compute(graph, o.Features), [n, o.Features.Count]), w, "_embed"); // [N, D]
        var mask = Mask(graph, o.HeadsPerMask); // [1, H, N, N]
        for (int l = 0; l < o.Layers; l++)
        {
            string p = $"_layers.{l}.";
            var h = LayerNorm(x, w, p + "_norm1");
            var qkv = Linear(h, w, p + "_attention._qkv").view(n, 3, o.Heads, o.HeadDim).permute(1, 2, 0, 3); // [3, H, N, hd]
            var y = nn.functional.scaled_dot_product_attention(qkv[0].unsqueeze(0), qkv[1].unsqueeze(0), qkv[2].unsqueeze(0), mask);
            y = y.squeeze(0).transpose(0, 1).reshape(n, (long)o.Heads * o.HeadDim); // [N, H·hd]
            x = x + Linear(y, w, p + "_attention._out");
            var hidden = nn.functional.relu(Linear(LayerNorm(x, w, p + "_norm2"), w, p + "_mlp.fc1"));
            x = x + Linear(hidden, w, p + "_mlp.fc2");
        }
        x = LayerNorm(x, w, "_norm");
        var raw = Linear(nn.functional.relu(Linear(x, w, "_head._mlp.fc1")), w, "_head._mlp.fc2").squeeze(-1); // [N]
        if (n < 2)
        {
            return new float[n];
        }
        var centered = raw - raw.mean();
        var std = centered.square().mean().sqrt() + 1e-6;
        return (centered / std * o.LogitScale).data<float>().ToArray();
    }

    private static Tensor Mask(ComputationGraph graph, int headsPerMask)
    {
        int n = graph.OpCount;
        var allowed = tensor(DenseRelations.Build(graph), [1, AttentionRelations.Count, n, n]); // [1, M, N, N]
        var additive = where(allowed, tensor(0f), tensor(float.NegativeInfinity));
        return additive.repeat_interleave(headsPerMask, dim: 1); // [1, H, N, N]
    }

    private static Tensor Linear(Tensor x, IDictionary<string, Tensor> w, string name)
        => nn.functional.linear(x, w[name + ".weight"], w[name + ".bias"]);

    private static Tensor LayerNorm(Tensor x, IDictionary<string, Tensor> w, string name)
        => nn.functional.layer_norm(x, [x.shape[^1]], w[name + ".weight"], w[name + ".bias"]);
}
