using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Model;

/// <summary>
/// Topoformer (Gagrani et al., NeurIPS 2022, arXiv 2207.05899): a linear embedding of the node features, a stack of
/// pre-LN encoder layers whose attention heads are masked by topological relations of the DAG
/// (Attn_h(X) = softmax(Q_h K_hᵀ/√d + log M_h) V_h, M_h one of the <see cref="AttentionRelations"/>, evaluated over
/// at most K sampled members per op: see <see cref="MaskedAttention"/>), a final LayerNorm and a priority head giving
/// one standardised logit per node.
/// </summary>
public sealed class TopoformerNetwork : nn.Module<Tensor, AttentionIndex, Tensor>
{
    private readonly Linear _embed;
    private readonly ModuleList<EncoderLayer> _layers;
    private readonly LayerNorm _norm;
    private readonly PriorityHead _head;

    /// <summary>Builds an untrained network on the CPU (move it with <c>to(device)</c>).</summary>
    public TopoformerNetwork(TopoformerOptions options) : base("topoformer")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _embed = nn.Linear(options.Features.Count, options.ModelDim);
        var layers = new EncoderLayer[options.Layers];
        for (int i = 0; i < layers.Length; i++)
        {
            layers[i] = new EncoderLayer($"layer{i}", options);
        }
        _layers = nn.ModuleList(layers);
        _norm = nn.LayerNorm(options.ModelDim);
        _head = new PriorityHead("head", options);
        RegisterComponents();
    }

    /// <summary>The hyperparameters the network was built with.</summary>
    public TopoformerOptions Options { get; }

    /// <summary>Priority logits for one graph.</summary>
    /// <param name="features">[N, F] node features.</param>
    /// <param name="index">Whom each op attends to, from <see cref="GraphEncoding.AttentionTensors"/>.</param>
    /// <returns>[N] standardised logits.</returns>
    public override Tensor forward(Tensor features, AttentionIndex index)
    {
        using var scope = NewDisposeScope();
        var x = _embed.forward(features); // [N, D]
        foreach (var layer in _layers)
        {
            x = layer.forward(x, index); // [N, D]
        }
        return _head.forward(_norm.forward(x)).MoveToOuterDisposeScope(); // [N]
    }

    /// <summary>Runs the network on an encoded graph without autograd and returns the logits as an array.</summary>
    public float[] Priorities(GraphEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        var device = _embed.weight!.device;
        using var index = encoding.AttentionTensors(device, Options.HeadsPerMask);
        var logits = forward(encoding.FeatureTensor(device), index); // [N]
        return logits.cpu().data<float>().ToArray();
    }
}
