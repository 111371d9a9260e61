using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Model;

/// <summary>
/// One pre-LayerNorm Transformer layer (Xiong et al. 2020, "On Layer Normalization in the Transformer Architecture"):
/// x + Attn(LN(x)), then x + MLP(LN(x)) with a ReLU MLP, as in Topoformer's encoder.
/// </summary>
internal sealed class EncoderLayer : nn.Module<Tensor, AttentionIndex, Tensor>
{
    private readonly LayerNorm _norm1;
    private readonly MaskedAttention _attention;
    private readonly LayerNorm _norm2;
    private readonly Sequential _mlp;

    public EncoderLayer(string name, TopoformerOptions options) : base(name)
    {
        long d = options.ModelDim, hidden = (long)options.ModelDim * options.MlpRatio;
        _norm1 = nn.LayerNorm(d);
        _attention = new MaskedAttention("attention", options);
        _norm2 = nn.LayerNorm(d);
        _mlp = nn.Sequential(
            ("fc1", nn.Linear(d, hidden)), ("relu", nn.ReLU()), ("drop", nn.Dropout(options.Dropout)), ("fc2", nn.Linear(hidden, d)));
        RegisterComponents();
    }

    /// <param name="x">[N, D] node embeddings.</param>
    /// <param name="index">Whom each op attends to, per relation.</param>
    public override Tensor forward(Tensor x, AttentionIndex index)
    {
        using var scope = NewDisposeScope();
        var h = TorchScalars.Plus(x, _attention.forward(_norm1.forward(x), index)); // [N, D]
        var y = TorchScalars.Plus(h, _mlp.forward(_norm2.forward(h))); // [N, D]
        return y.MoveToOuterDisposeScope();
    }
}
