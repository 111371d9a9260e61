namespace Scheduler.Graphs.Models;

/// <summary>
/// A decoder-only language model's shape, with the fields of a Hugging Face <c>config.json</c> (names in the
/// comments). Only what changes op or weight sizes is kept; numerics (eps, rope theta) are not. The shipped presets are
/// in <see cref="ModelZoo.Presets"/>.
/// </summary>
public sealed record TransformerConfig
{
    /// <summary><c>model_type</c>: "llama", "opt", ... (informational).</summary>
    public string ModelType { get; init; } = "llama";

    /// <summary><c>hidden_size</c>: the residual stream width.</summary>
    public required int HiddenSize { get; init; }

    /// <summary><c>intermediate_size</c> (OPT: <c>ffn_dim</c>): the MLP's inner width.</summary>
    public required int IntermediateSize { get; init; }

    /// <summary><c>num_hidden_layers</c>.</summary>
    public required int NumHiddenLayers { get; init; }

    /// <summary><c>num_attention_heads</c>.</summary>
    public required int NumAttentionHeads { get; init; }

    /// <summary><c>num_key_value_heads</c> (grouped-query attention); 0 means equal to the attention heads.</summary>
    public int NumKeyValueHeads { get; init; }

    /// <summary><c>vocab_size</c>.</summary>
    public required int VocabSize { get; init; }

    /// <summary><c>max_position_embeddings</c>: rows of a learned position table; a limit only for rotary models.</summary>
    public int MaxPositionEmbeddings { get; init; } = 2048;

    /// <summary><c>hidden_act</c> (OPT: <c>activation_function</c>): "silu", "relu", "gelu", "quick_gelu".</summary>
    public string HiddenAct { get; init; } = "silu";

    /// <summary>RMSNorm (Llama) or LayerNorm (OPT); HF encodes it in the model type.</summary>
    public NormKind Norm { get; init; } = NormKind.RmsNorm;

    /// <summary>Rotary (Llama) or learned (OPT) positions; HF encodes it in the model type.</summary>
    public PositionKind Positions { get; init; } = PositionKind.Rotary;

    /// <summary>Extra rows of a learned position table: OPT's <c>OPTLearnedPositionalEmbedding</c> offsets ids by 2.</summary>
    public int PositionOffset { get; init; }

    /// <summary><c>tie_word_embeddings</c>: the lm-head reuses the token embedding matrix.</summary>
    public bool TieWordEmbeddings { get; init; }

    /// <summary>Gated SwiGLU (Llama) or plain MLP (OPT).</summary>
    public FfnKind Ffn { get; init; } = FfnKind.Gated;

    /// <summary><c>attention_bias</c> (OPT: <c>enable_bias</c>): q/k/v/o projections have biases.</summary>
    public bool AttentionBias { get; init; }

    /// <summary><c>mlp_bias</c> (OPT: <c>enable_bias</c>): the MLP matrices have biases.</summary>
    public bool MlpBias { get; init; }

    /// <summary>Key/value heads actually used (<see cref="NumKeyValueHeads"/>, or the attention heads when 0).</summary>
    public int KeyValueHeads => NumKeyValueHeads > 0 ? NumKeyValueHeads : NumAttentionHeads;

    /// <summary><c>head_dim</c> = hidden / heads.</summary>
    public int HeadDim => HiddenSize / NumAttentionHeads;

    /// <summary>Width of one token's key (or value) row: key/value heads × head dim.</summary>
    public int KeyValueWidth => KeyValueHeads * HeadDim;

    /// <summary>Checks that the sizes are positive and the heads divide evenly.</summary>
    /// <exception cref="ArgumentException">A size is not positive, or the heads do not divide the widths.</exception>
    public TransformerConfig Validated()
    {
        Guard.That(HiddenSize > 0 && IntermediateSize > 0 && NumHiddenLayers > 0 && NumAttentionHeads > 0
            && VocabSize > 0 && MaxPositionEmbeddings > 0 && NumKeyValueHeads >= 0 && PositionOffset >= 0,
            nameof(HiddenSize), $"Config '{ModelType}': every size must be positive (hidden {HiddenSize}, "
            + $"intermediate {IntermediateSize}, layers {NumHiddenLayers}, heads {NumAttentionHeads}, vocab {VocabSize}).");
        Guard.That(HiddenSize % NumAttentionHeads == 0, nameof(NumAttentionHeads),
            $"hidden_size {HiddenSize} is not divisible by num_attention_heads {NumAttentionHeads}.");
        Guard.That(NumAttentionHeads % KeyValueHeads == 0, nameof(NumKeyValueHeads),
            $"num_attention_heads {NumAttentionHeads} is not divisible by num_key_value_heads {KeyValueHeads}.");
        return this;
    }
}
