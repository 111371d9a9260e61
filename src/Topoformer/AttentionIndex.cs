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
/// </summary>
public sealed class AttentionIndex : IDisposable
{
    private readonly Tensor[] _keys;
    private readonly Tensor[] _bias;

    private AttentionIndex(Tensor[] keys, Tensor[] bias)
    {
        _keys = keys;
        _bias = bias;
    }

    /// <summary>[N, W_m] int64 key ops of relation m.</summary>
    public IReadOnlyList<Tensor> Keys => _keys;

    /// <summary>[N, W_m] float additive bias of relation m (0, log(M/c) or −∞).</summary>
    public IReadOnlyList<Tensor> Bias => _bias;

    /// <summary>Builds the tables for <paramref name="relations"/> on <paramref name="device"/>.</summary>
    public static AttentionIndex Create(SampledRelations relations, Device device)
    {
        ArgumentNullException.ThrowIfNull(relations);
        int n = relations.Nodes;
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
                }
            }
            keys[m] = torch.tensor(k, [n, width], device: device); // [N, W_m]
            bias[m] = torch.tensor(b, [n, width], device: device); // [N, W_m]
        }
        return new AttentionIndex(keys, bias);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in _keys.Concat(_bias))
        {
            t.Dispose();
        }
    }
}
