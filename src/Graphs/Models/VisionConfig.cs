namespace Scheduler.Graphs.Models;

/// <summary>
/// A CLIP vision tower (HF <c>CLIPVisionConfig</c>): patch convolution, class token, learned positions, pre-LayerNorm
/// encoder layers with a plain MLP, biased projections. LLaVA reads the features of layer
/// <see cref="FeatureLayer"/> (−2 = penultimate) and drops the class token.
/// </summary>
public sealed record VisionConfig
{
    /// <summary><c>hidden_size</c>.</summary>
    public required int HiddenSize { get; init; }

    /// <summary><c>intermediate_size</c>.</summary>
    public required int IntermediateSize { get; init; }

    /// <summary><c>num_hidden_layers</c> in the checkpoint.</summary>
    public required int NumHiddenLayers { get; init; }

    /// <summary><c>num_attention_heads</c>.</summary>
    public required int NumAttentionHeads { get; init; }

    /// <summary><c>image_size</c> in pixels (square).</summary>
    public required int ImageSize { get; init; }

    /// <summary><c>patch_size</c> in pixels (the convolution's kernel and stride).</summary>
    public required int PatchSize { get; init; }

    /// <summary><c>num_channels</c>.</summary>
    public int NumChannels { get; init; } = 3;

    /// <summary><c>hidden_act</c>.</summary>
    public string HiddenAct { get; init; } = "quick_gelu";

    /// <summary>LLaVA's <c>vision_feature_layer</c>: −2 reads the penultimate layer, so the last layer never runs.</summary>
    public int FeatureLayer { get; init; } = -2;

    /// <summary>Patches per side.</summary>
    public int PatchesPerSide => ImageSize / PatchSize;

    /// <summary>Image tokens handed to the language model (patches; the class token is dropped).</summary>
    public int PatchCount => PatchesPerSide * PatchesPerSide;

    /// <summary>Tokens inside the tower: the patches plus the class token.</summary>
    public int TokenCount => PatchCount + 1;

    /// <summary>Encoder layers that run: up to and including the feature layer.</summary>
    public int LayersRun => FeatureLayer < 0 ? NumHiddenLayers + 1 + FeatureLayer : FeatureLayer;

    /// <summary>Checks sizes and the feature layer.</summary>
    /// <exception cref="ArgumentException">A size is not positive, the patch does not divide the image, or the
    /// feature layer is outside the tower.</exception>
    public VisionConfig Validated()
    {
        Guard.That(HiddenSize > 0 && IntermediateSize > 0 && NumHiddenLayers > 0 && NumAttentionHeads > 0
            && PatchSize > 0 && NumChannels > 0 && ImageSize >= PatchSize, nameof(HiddenSize),
            $"Vision config: every size must be positive (hidden {HiddenSize}, image {ImageSize}, patch {PatchSize}).");
        Guard.That(HiddenSize % NumAttentionHeads == 0 && ImageSize % PatchSize == 0, nameof(PatchSize),
            $"Vision config: heads {NumAttentionHeads} must divide hidden {HiddenSize} and patch {PatchSize} the image {ImageSize}.");
        Guard.That(LayersRun >= 1 && LayersRun <= NumHiddenLayers, nameof(FeatureLayer),
            $"vision_feature_layer {FeatureLayer} is outside a tower of {NumHiddenLayers} layers.");
        return this;
    }
}
