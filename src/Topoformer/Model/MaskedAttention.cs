using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Model;

/// <summary>
/// Multi-head self-attention whose heads each see one topological relation (Gagrani et al. 2022, §3.2): head h of
/// relation m gives op i softmax_j(Q_h[i]·K_h[j]/√d + b_ij) V_h[j] over j ∈ {i} ∪ S_m(i), where S_m(i) is the
/// sample of at most K members of relation m that <see cref="AttentionIndex"/> lists and b_ij = log(M/c) (0 when the
/// relation is listed whole). When every S_m(i) is the whole relation this is exactly the paper's dense masked
/// attention softmax(QKᵀ/√d + log M_h)V; its cost is O(N·(K+1)·d) per head instead of O(N²·d), and memory is bounded
/// by gathering keys and values <see cref="ChunkRows"/> query rows at a time.
/// </summary>
internal sealed class MaskedAttention : nn.Module<Tensor, AttentionIndex, Tensor>
{
    /// <summary>Query rows per gather: at K = 32 and d = 16 a chunk's keys and values take about 35 MB.</summary>
    private const long ChunkRows = 8192;

    private readonly Linear _qkv;
    private readonly Linear _out;
    private readonly Dropout _dropout;
    private readonly int _heads;
    private readonly int _headsPerMask;
    private readonly int _headDim;

    public MaskedAttention(string name, TopoformerOptions options) : base(name)
    {
        _heads = options.Heads;
        _headsPerMask = options.HeadsPerMask;
        _headDim = options.HeadDim;
        _qkv = nn.Linear(options.ModelDim, 3L * _heads * _headDim);
        _out = nn.Linear((long)_heads * _headDim, options.ModelDim);
        _dropout = nn.Dropout(options.Dropout);
        RegisterComponents();
    }

    /// <param name="x">[N, D] node embeddings.</param>
    /// <param name="index">Per relation, the [N, W] key ops and biases of every query op.</param>
    public override Tensor forward(Tensor x, AttentionIndex index)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0];
        var qkv = _qkv.forward(x).view(n, 3, _heads, _headDim).permute(1, 2, 0, 3).contiguous(); // [3, H, N, hd]
        if (index.DenseMask is { } mask)
        {
            // Small graph: the same tables as a dense additive mask, through fused SDPA (see AttentionIndex).
            var dense = nn.functional.scaled_dot_product_attention(qkv[0].unsqueeze(0), qkv[1].unsqueeze(0), qkv[2].unsqueeze(0), mask); // [1, H, N, hd]
            var flat = dense.squeeze(0).transpose(0, 1).reshape(n, (long)_heads * _headDim); // [N, H·hd]
            return _dropout.forward(_out.forward(flat)).MoveToOuterDisposeScope(); // [N, D]
        }
        using var scale = TorchScalars.Of(1.0 / Math.Sqrt(_headDim));
        var q = qkv[0].mul(scale); // [H, N, hd]
        var heads = new Tensor[_heads];
        for (int h = 0; h < _heads; h++)
        {
            int relation = h / _headsPerMask;
            heads[h] = Head(q[h], qkv[1][h], qkv[2][h], index.Keys[relation], index.Bias[relation]); // [N, hd]
        }
        var y = torch.stack(heads, 1).reshape(n, (long)_heads * _headDim); // [N, H·hd], head-major as dense SDPA gave
        return _dropout.forward(_out.forward(y)).MoveToOuterDisposeScope(); // [N, D]
    }

    /// <summary>One head: q, k, v [N, hd] (q already scaled by 1/√hd), keys and bias [N, W]; returns [N, hd].</summary>
    private static Tensor Head(Tensor q, Tensor k, Tensor v, Tensor keys, Tensor bias)
    {
        long n = q.shape[0], width = keys.shape[1], dim = q.shape[1];
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += ChunkRows)
        {
            long rows = Math.Min(ChunkRows, n - start);
            using var chunk = NewDisposeScope();
            var flat = keys.narrow(0, start, rows).reshape(-1); // [c·W]
            var kg = k.index_select(0, flat).view(rows, width, dim); // [c, W, hd]
            var vg = v.index_select(0, flat).view(rows, width, dim); // [c, W, hd]
            // One batched matrix product per chunk for the scores and one for the weighted sum: measured 3× faster
            // than broadcast products and sums (which write [c, W, hd] temporaries) at 2,000 ops on one thread.
            var scores = torch.bmm(kg, q.narrow(0, start, rows).unsqueeze(2)).squeeze(2); // [c, W]
            var weights = TorchScalars.Plus(scores, bias.narrow(0, start, rows)).softmax(1); // [c, W]; padding (−∞) gets 0
            parts.Add(torch.bmm(weights.unsqueeze(1), vg).squeeze(1).MoveToOuterDisposeScope()); // [c, hd]
        }
        return parts.Count == 1 ? parts[0] : torch.cat(parts, 0); // [N, hd]
    }
}
