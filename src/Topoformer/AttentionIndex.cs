using TorchSharp;
using static TorchSharp.torch;

namespace Scheduler.Topoformer;

/// <summary>
/// The network's attention input: for each of the <see cref="AttentionRelations"/>, a padded table of the ops each
/// op attends to and an additive bias per entry. Row i of relation m is i itself (bias 0), then the members
/// <see cref="SampledRelations.Members"/> lists (bias log(M/c): the relation has M members of which c are listed, so 0
/// whenever all are listed), then padding (key i, bias −∞) up to the relation's width 1 + max_i c_i.
/// <para>The log(M/c) bias makes each listed member stand for M/c members in the softmax's denominator, the
/// Horvitz–Thompson estimate of the sum over the whole relation; without it an op with a large relation would give its
/// own value about M/c times too much weight compared with dense attention.</para>
/// <para>Two kernels evaluate the same tables: on graphs of at most <see cref="DenseKernelMaxNodes"/> ops the tables are
/// also scattered into a [1, H, N, N] additive mask (bias at (i, key), −∞ elsewhere) for fused
/// scaled_dot_product_attention, which trains 2.5–3.5× faster than the gather kernel at 100–300 ops; above that
/// only the gather kernel runs (<see cref="Model.MaskedAttention"/>). Same function either way (a test checks).</para>
/// </summary>
public sealed class AttentionIndex : IDisposable
{
    private readonly Tensor[] _keys;
    private readonly Tensor[] _bias;

    /// <summary>Largest graph whose tables are also given as a dense mask (7·N²·4 bytes: 29 MB at 1024 ops).</summary>
    public const int DenseKernelMaxNodes = 1024;

    private AttentionIndex(Tensor[] keys, Tensor[] bias, Tensor? denseMask)
    {
        _keys = keys;
        _bias = bias;
        DenseMask = denseMask;
    }

    /// <summary>[1, H, N, N] additive mask holding the same tables, or null above <see cref="DenseKernelMaxNodes"/>.</summary>
    public Tensor? DenseMask { get; }

    /// <summary>[N, W_m] int64 key ops of relation m.</summary>
    public IReadOnlyList<Tensor> Keys => _keys;

    /// <summary>[N, W_m] float additive bias of relation m (0, log(M/c) or −∞).</summary>
    public IReadOnlyList<Tensor> Bias => _bias;

    /// <summary>Builds the tables for <paramref name="relations"/> on <paramref name="device"/>.</summary>
    /// <param name="relations">Whom each op attends to.</param>
    /// <param name="device">Where the tensors go.</param>
    /// <param name="headsPerMask">Heads per relation (the dense mask repeats each relation's plane).</param>
    /// <param name="denseKernelMaxNodes">Largest N given a dense mask too (tests pass 0 to force the gather kernel).</param>
    public static AttentionIndex Create(SampledRelations relations, Device device, int headsPerMask,
        int denseKernelMaxNodes = DenseKernelMaxNodes)
    {
        ArgumentNullException.ThrowIfNull(relations);
        int n = relations.Nodes;
        bool dense = n <= denseKernelMaxNodes;
        var plane = dense ? new float[(long)AttentionRelations.Count * n * n] : null;
        if (plane is not null)
        {
            Array.Fill(plane, float.NegativeInfinity);
        }
        var keys = new Tensor[AttentionRelations.Count];
        var bias = new Tensor[AttentionRelations.Count];
        for (int m = 0; m < AttentionRelations.Count; m++)
        {
            int width = 1;
            for (int i = 0; i < n; i++)
            {
                width = Math.Max(width, 1 + relations.Members(m, i).Length);
            }
            var k = new long[(long)n * width];
            var b = new float[(long)n * width];
            for (int i = 0; i < n; i++)
            {
                var members = relations.Members(m, i);
                long row = (long)i * width;
                float weight = members.Length == 0 ? 0f : (float)Math.Log((double)relations.Size(m, i) / members.Length);
                for (int c = 0; c < width; c++)
                {
                    bool member = c >= 1 && c <= members.Length;
                    k[row + c] = member ? members[c - 1] : i;
                    b[row + c] = c == 0 ? 0f : member ? weight : float.NegativeInfinity;
                    if (plane is not null && (c == 0 || member))
                    {
                        plane[((long)m * n + i) * n + k[row + c]] = b[row + c];
                    }
                }
            }
            keys[m] = torch.tensor(k, [n, width], device: device); // [N, W_m]
            bias[m] = torch.tensor(b, [n, width], device: device); // [N, W_m]
        }
        Tensor? mask = null;
        if (plane is not null)
        {
            using var scope = torch.NewDisposeScope();
            var additive = torch.tensor(plane, [1, AttentionRelations.Count, n, n], device: device); // [1, M, N, N]
            mask = (headsPerMask == 1 ? additive : additive.repeat_interleave(headsPerMask, dim: 1)).MoveToOuterDisposeScope(); // [1, H, N, N]
        }
        return new AttentionIndex(keys, bias, mask);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in _keys.Concat(_bias))
        {
            t.Dispose();
        }
        DenseMask?.Dispose();
    }
}
