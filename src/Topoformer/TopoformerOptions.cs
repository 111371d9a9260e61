using YamlDotNet.Serialization;

namespace Scheduler.Topoformer;

/// <summary>
/// Every hyperparameter of the Topoformer network (Gagrani et al., NeurIPS 2022, arXiv 2207.05899). Saved with each
/// checkpoint; a checkpoint only loads into a model built from equal options.
/// </summary>
public sealed record TopoformerOptions
{
    /// <summary>Node features known to <see cref="GraphFeatures"/>, in the default order.</summary>
    public static IReadOnlyList<string> AllFeatures { get; } =
    [
        "output_bytes", "input_bytes", "sole_input_bytes", "in_degree", "out_degree", "depth", "height",
        "ancestors", "descendants",
    ];

    /// <summary>Number of encoder layers.</summary>
    public int Layers { get; init; } = 3;

    /// <summary>Width of the node embeddings.</summary>
    public int ModelDim { get; init; } = 64;

    /// <summary>Attention heads given to each of the <see cref="AttentionRelations.Count"/> masks.</summary>
    public int HeadsPerMask { get; init; } = 1;

    /// <summary>Width of one attention head.</summary>
    public int HeadDim { get; init; } = 16;

    /// <summary>Hidden width of the feed-forward block, as a multiple of <see cref="ModelDim"/>.</summary>
    public int MlpRatio { get; init; } = 2;

    /// <summary>Dropout after attention and inside the MLP (0 = off, the default for RL).</summary>
    public double Dropout { get; init; }

    /// <summary>The constant c of the per-graph standardisation c·(x−mean)/std of the priority logits.</summary>
    public double LogitScale { get; init; } = 3.0;

    /// <summary>
    /// Pairs each relation's attention may hold per graph (B): an op attends to at most
    /// K(N) = min(N, max(<see cref="AttentionNeighbours"/>, B / N)) members of each relation, a deterministic uniform
    /// sample when the relation is larger (<see cref="SampledRelations"/>). So graphs up to about √B ops (and most
    /// relations of larger ones) get exact attention, and any graph costs O(max(B, N·K_min)) per head instead of O(N²).
    /// Not a weight shape: any value runs any checkpoint. Absent from older model.yaml files, which get the default.
    /// </summary>
    public int AttentionPairs { get; init; } = DefaultAttentionPairs;

    /// <summary>The floor K_min of the members per op and relation, whatever the graph's size (see <see cref="AttentionPairs"/>).</summary>
    public int AttentionNeighbours { get; init; } = DefaultAttentionNeighbours;

    /// <summary>Default of <see cref="AttentionPairs"/> (2^18), chosen by docs/results/topoformer-scale.md.</summary>
    public const int DefaultAttentionPairs = 262_144;

    /// <summary>Default of <see cref="AttentionNeighbours"/>, chosen by docs/results/topoformer-scale.md.</summary>
    public const int DefaultAttentionNeighbours = 32;

    /// <summary>Largest <see cref="AttentionNeighbours"/>: the sample tables take about 3·N·K·4 bytes.</summary>
    public const int MaxAttentionNeighbours = 4096;

    /// <summary>Largest <see cref="AttentionPairs"/> (2^26): the sample tables take about 3·B·4 bytes.</summary>
    public const int MaxAttentionPairs = 1 << 26;

    /// <summary>K(N): the most members of each relation an op of an <paramref name="nodes"/>-op graph attends to.</summary>
    public int NeighboursFor(int nodes) => Math.Max(1, Math.Min(nodes, Math.Max(AttentionNeighbours, AttentionPairs / Math.Max(1, nodes))));

    /// <summary>Node features used, by name (see <see cref="AllFeatures"/>).</summary>
    public IReadOnlyList<string> Features { get; init; } = AllFeatures;

    /// <summary>Total attention heads.</summary>
    [YamlIgnore]
    public int Heads => HeadsPerMask * AttentionRelations.Count;

    /// <summary>Throws when a value is out of range or a feature is unknown.</summary>
    /// <exception cref="ArgumentException">Names the bad option and value.</exception>
    public void Validate()
    {
        Check(Layers >= 1, $"layers must be at least 1, got {Layers}.");
        Check(ModelDim >= 1, $"model_dim must be at least 1, got {ModelDim}.");
        Check(HeadsPerMask >= 1, $"heads_per_mask must be at least 1, got {HeadsPerMask}.");
        Check(HeadDim >= 1, $"head_dim must be at least 1, got {HeadDim}.");
        Check(MlpRatio >= 1, $"mlp_ratio must be at least 1, got {MlpRatio}.");
        Check(Dropout is >= 0 and < 1, $"dropout must be in [0, 1), got {Dropout}.");
        Check(LogitScale > 0 && double.IsFinite(LogitScale), $"logit_scale must be a positive finite number, got {LogitScale}.");
        Check(AttentionPairs is >= 1 and <= MaxAttentionPairs, $"attention_pairs must be from 1 to {MaxAttentionPairs}, got {AttentionPairs}.");
        Check(AttentionNeighbours is >= 1 and <= MaxAttentionNeighbours,
            $"attention_neighbours must be from 1 to {MaxAttentionNeighbours}, got {AttentionNeighbours}.");
        Check(Features is { Count: > 0 }, "features must name at least one feature.");
        foreach (string f in Features)
        {
            Check(AllFeatures.Contains(f), $"Unknown feature '{f}'; known: {string.Join(", ", AllFeatures)}.");
        }
    }

    /// <summary>Names of the options that differ from <paramref name="other"/> (empty when equal).</summary>
    public IReadOnlyList<string> Differences(TopoformerOptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var diff = new List<string>();
        void Compare(string name, object a, object b)
        {
            if (!Equals(a, b))
            {
                diff.Add($"{name} ({a} vs {b})");
            }
        }
        Compare("layers", Layers, other.Layers);
        Compare("model_dim", ModelDim, other.ModelDim);
        Compare("heads_per_mask", HeadsPerMask, other.HeadsPerMask);
        Compare("head_dim", HeadDim, other.HeadDim);
        Compare("mlp_ratio", MlpRatio, other.MlpRatio);
        Compare("dropout", Dropout, other.Dropout);
        Compare("logit_scale", LogitScale, other.LogitScale);
        Compare("attention_pairs", AttentionPairs, other.AttentionPairs);
        Compare("attention_neighbours", AttentionNeighbours, other.AttentionNeighbours);
        Compare("features", string.Join(",", Features), string.Join(",", other.Features));
        return diff;
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new ArgumentException(message);
        }
    }
}
