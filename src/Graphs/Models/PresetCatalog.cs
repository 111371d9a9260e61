namespace Scheduler.Graphs.Models;

/// <summary>The shipped model shapes (sources in each preset and in datasets/models/README.md).</summary>
internal static class PresetCatalog
{
    /// <summary>Llama 2 7B (Touvron et al. 2023; HF meta-llama/Llama-2-7b-hf config.json).</summary>
    public static TransformerConfig Llama2_7B { get; } = new TransformerConfig
    {
        ModelType = "llama", HiddenSize = 4096, IntermediateSize = 11008, NumHiddenLayers = 32, NumAttentionHeads = 32,
        NumKeyValueHeads = 32, VocabSize = 32000, MaxPositionEmbeddings = 4096, HiddenAct = "silu",
    }.Validated();

    /// <summary>The 115M Llama-style drafter of Goel et al. 2024 ("Direct Alignment of Draft Model for Speculative
    /// Decoding with Chat-Fine-Tuned LLMs"): 4 layers, hidden 1024, MLP 2816, 8 heads, Llama 2 tokenizer, untied head.</summary>
    public static TransformerConfig Drafter115M { get; } = new TransformerConfig
    {
        ModelType = "llama", HiddenSize = 1024, IntermediateSize = 2816, NumHiddenLayers = 4, NumAttentionHeads = 8,
        NumKeyValueHeads = 8, VocabSize = 32000, MaxPositionEmbeddings = 2048, HiddenAct = "silu",
    }.Validated();

    /// <summary>CLIP ViT-L/14 at 336 px (openai/clip-vit-large-patch14-336), read at the penultimate layer.</summary>
    public static VisionConfig ClipVitL14_336 { get; } = new VisionConfig
    {
        HiddenSize = 1024, IntermediateSize = 4096, NumHiddenLayers = 24, NumAttentionHeads = 16, ImageSize = 336,
        PatchSize = 14, HiddenAct = "quick_gelu", FeatureLayer = -2,
    }.Validated();

    public static IReadOnlyList<ModelPreset> All { get; } =
    [
        new("llama2-7b", "Llama 2 7B: 32 layers, hidden 4096, SwiGLU 11008, 32 heads, RMSNorm, rotary",
            Llama2_7B, null, null, false, "llama2-chat-drafter-115m", "Touvron et al. 2023; HF meta-llama/Llama-2-7b-hf"),
        new("llama2-7b-chat", "Llama 2 7B chat (same shape as llama2-7b), target of the 115M chat drafter",
            Llama2_7B, null, null, false, "llama2-chat-drafter-115m", "HF meta-llama/Llama-2-7b-chat-hf"),
        new("llama2-chat-drafter-115m", "115M Llama-style drafter: 4 layers, hidden 1024, MLP 2816, 8 heads",
            Drafter115M, null, null, true, "llama2-7b-chat", "Goel et al. 2024, arXiv 2403.00858"),
        new("llava-1.5-7b", "LLaVA-1.5 7B: CLIP ViT-L/14-336 (576 image tokens) + GELU MLP projector + Llama-2-7B LM",
            Llama2_7B, ClipVitL14_336, new AdapterConfig(1024, 4096, 4096, "gelu"), false, "llava-drafter-115m",
            "Liu et al. 2023 (LLaVA-1.5), arXiv 2310.03744; HF llava-hf/llava-1.5-7b-hf"),
        new("llava-drafter-115m", "Language-only 115M drafter for LLaVA-1.5 7B (ignores the image)",
            Drafter115M, null, null, true, "llava-1.5-7b", "Gagrani et al. 2024, arXiv 2404.08856"),
        // The paper gives no adapter shape; we choose a LLaVA-style 2-layer GELU MLP 1024→1024→1024 over the 576 CLIP
        // patch features into the drafter's 1024-d embedding space (2.1M parameters; see datasets/models/README.md).
        new("llava-drafter-115m-adapter", "115M LLaVA drafter + image adapter (MLP 1024→1024→1024 over the CLIP features)",
            Drafter115M, ClipVitL14_336, new AdapterConfig(1024, 1024, 1024, "gelu"), true, "llava-1.5-7b",
            "Gagrani et al. 2024, arXiv 2404.08856 (adapter shape: our choice)"),
        new("opt-125m", "OPT-125M: 12 layers, hidden 768, 12 heads, LayerNorm, learned positions, ReLU MLP, tied",
            Opt(12, 768, 12), null, null, true, "opt-13b", "Zhang et al. 2022, arXiv 2205.01068; HF facebook/opt-125m"),
        new("opt-1.3b", "OPT-1.3B: 24 layers, hidden 2048, 32 heads",
            Opt(24, 2048, 32), null, null, false, "opt-125m", "Zhang et al. 2022; HF facebook/opt-1.3b"),
        new("opt-13b", "OPT-13B: 40 layers, hidden 5120, 40 heads (target of OPT-125M in SpecInfer)",
            Opt(40, 5120, 40), null, null, false, "opt-125m", "Zhang et al. 2022; HF facebook/opt-13b"),
    ];

    /// <summary>OPT (HF OPTConfig): LayerNorm, learned positions offset by 2, ReLU MLP of 4×hidden, biases, tied head.</summary>
    public static TransformerConfig Opt(int layers, int hidden, int heads) => new TransformerConfig
    {
        ModelType = "opt", HiddenSize = hidden, IntermediateSize = 4 * hidden, NumHiddenLayers = layers,
        NumAttentionHeads = heads, VocabSize = 50272, MaxPositionEmbeddings = 2048, HiddenAct = "relu",
        Norm = NormKind.LayerNorm, Positions = PositionKind.Learned, PositionOffset = 2, TieWordEmbeddings = true,
        Ffn = FfnKind.Plain, AttentionBias = true, MlpBias = true,
    }.Validated();
}
