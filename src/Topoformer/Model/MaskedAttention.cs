using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Model;

/// <summary>
/// Multi-head self-attention whose heads each see one topological relation:
/// head h computes softmax(Q_h K_hᵀ/√d + log M_h) V_h with M_h the 0/1 mask of its relation (passed as log M_h)
/// (Gagrani et al. 2022, §3.2). Uses scaled_dot_product_attention, several times faster than
/// nn.MultiheadAttention on CPU here (notes/torchsharp-on-debian12.md).
/// </summary>
internal sealed class MaskedAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear _qkv;
    private readonly Linear _out;
    private readonly Dropout _dropout;
    private readonly int _heads;
    private readonly int _headDim;

    public MaskedAttention(string name, TopoformerOptions options) : base(name)
    {
        _heads = options.Heads;
        _headDim = options.HeadDim;
        _qkv = nn.Linear(options.ModelDim, 3L * _heads * _headDim);
        _out = nn.Linear((long)_heads * _headDim, options.ModelDim);
        _dropout = nn.Dropout(options.Dropout);
        RegisterComponents();
    }

    /// <param name="x">[N, D] node embeddings.</param>
    /// <param name="mask">[1, H, N, N] additive mask: 0 = may attend, −∞ = blocked.</param>
    public override Tensor forward(Tensor x, Tensor mask)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0];
        var qkv = _qkv.forward(x).view(n, 3, _heads, _headDim).permute(1, 2, 0, 3); // [3, H, N, hd]
        var q = qkv[0].unsqueeze(0); // [1, H, N, hd]
        var k = qkv[1].unsqueeze(0); // [1, H, N, hd]
        var v = qkv[2].unsqueeze(0); // [1, H, N, hd]
        var y = nn.functional.scaled_dot_product_attention(q, k, v, mask); // [1, H, N, hd]
        y = y.squeeze(0).transpose(0, 1).reshape(n, (long)_heads * _headDim); // [N, H·hd]
        return _dropout.forward(_out.forward(y)).MoveToOuterDisposeScope(); // [N, D]
    }
}
