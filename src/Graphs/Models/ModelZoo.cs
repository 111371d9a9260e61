using System.Diagnostics.CodeAnalysis;

namespace Scheduler.Graphs.Models;

/// <summary>
/// The LLM and drafter model graphs of docs/DESIGN.md §6: named presets, one graph per (preset, phase), parameter counts, and
/// the set the default <c>scheduler compare</c> run includes. Weights and KV caches are resident inputs, so a built
/// graph's <see cref="ComputationGraph.ResidentBytes"/> is its parameter bytes plus its caches.
/// </summary>
public static class ModelZoo
{
    /// <summary>Default element size: fp16 / bf16.</summary>
    public const int DefaultDtypeBytes = 2;

    private static readonly Dictionary<string, ModelPreset> ByName =
        PresetCatalog.All.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every preset, in listing order.</summary>
    public static IReadOnlyList<ModelPreset> Presets => PresetCatalog.All;

    /// <summary>
    /// Model graphs of moderate size (hundreds to about two thousand ops) for the default compare run: the
    /// speculative-decoding workloads where order has headroom (several independent chains, big transient logits and
    /// scores), a plain decode and a multimodal prefill as references, and drafter training steps (saved activations,
    /// gradients, optimizer updates: the largest headroom over the framework's order).
    /// </summary>
    public static IReadOnlyList<ModelGraphSpec> DefaultCompareSet { get; } =
    [
        new("llama2-7b-chat", ModelPhase.Decode(1024)),
        new("llama2-7b-chat", ModelPhase.SpecVerify(1024, 4)),
        new("llama2-chat-drafter-115m", ModelPhase.SpecStep(1024, 4)),
        new("llava-1.5-7b", ModelPhase.Prefill(64)),
        new("llava-drafter-115m-adapter", ModelPhase.Prefill(64)),
        new("opt-125m", ModelPhase.TreeVerify(512, DraftTree.Balanced(16))),
        new("opt-13b", ModelPhase.SpecStep(512, 4)),
        new("llama2-chat-drafter-115m", ModelPhase.TrainStep(512)),
        new("opt-125m", ModelPhase.TrainStep(256)),
        new("llava-drafter-115m-adapter", ModelPhase.TrainStep(128)),
    ];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No preset has that name (the message lists them).</exception>
    public static ModelPreset Get(string name)
    {
        Guard.NotNull(name, nameof(name));
        return ByName.TryGetValue(name, out var preset)
            ? preset
            : throw new ArgumentException(
                $"Unknown model '{name}'; expected one of {string.Join(", ", PresetCatalog.All.Select(p => p.Name))}.",
                nameof(name));
    }

    /// <summary>True when <paramref name="name"/> is a preset.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out ModelPreset? preset) => ByName.TryGetValue(name ?? "", out preset);

    /// <summary>Builds the graph of preset <paramref name="presetName"/> in <paramref name="phase"/>.</summary>
    /// <exception cref="ArgumentException">Unknown preset or a non-positive dtype size.</exception>
    public static ComputationGraph Build(string presetName, ModelPhase phase, int dtypeBytes = DefaultDtypeBytes)
        => Build(Get(presetName), phase, dtypeBytes);

    /// <summary>Builds the graph with the storage sharing of <paramref name="options"/> marked as aliases
    /// (<see cref="ComputationGraph.AliasOf"/>: free under <see cref="MemoryModelOptions.Views"/>, copies otherwise);
    /// the graph's name ends in <see cref="ModelGraphOptions.Suffix"/>. With <see cref="ModelGraphOptions.Default"/> it
    /// is exactly <see cref="Build(string, ModelPhase, int)"/>'s.</summary>
    /// <exception cref="ArgumentException">Unknown preset or a non-positive dtype size.</exception>
    public static ComputationGraph Build(string presetName, ModelPhase phase, int dtypeBytes, ModelGraphOptions options)
        => Build(Get(presetName), phase, dtypeBytes, options);

    /// <summary>
    /// Builds <paramref name="preset"/>'s graph in <paramref name="phase"/>. Op ids 0..N−1 follow the framework's run
    /// order, layer by layer. Spec-step pairs a drafter with its <see cref="ModelPreset.Partner"/> target, or a target
    /// with its default drafter. Decode and verify phases use the language model only (image tokens already cached).
    /// </summary>
    /// <exception cref="ArgumentException">A non-positive dtype size, or a drafter and target of different vocabularies.</exception>
    public static ComputationGraph Build(ModelPreset preset, ModelPhase phase, int dtypeBytes = DefaultDtypeBytes)
        => Build(preset, phase, dtypeBytes, ModelGraphOptions.Default);

    /// <summary><see cref="Build(ModelPreset, ModelPhase, int)"/>, with the aliases of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">A non-positive dtype size, or a drafter and target of different vocabularies.</exception>
    public static ComputationGraph Build(ModelPreset preset, ModelPhase phase, int dtypeBytes, ModelGraphOptions options)
    {
        Guard.NotNull(preset, nameof(preset));
        Guard.NotNull(phase, nameof(phase));
        Guard.NotNull(options, nameof(options));
        Guard.That(dtypeBytes > 0, nameof(dtypeBytes), $"dtype bytes must be positive, got {dtypeBytes}.");
        preset.Text.Validated();
        preset.Vision?.Validated();
        ModelPreset? partner = null;
        if (phase.Kind == PhaseKind.SpecStep)
        {
            Guard.That(!string.IsNullOrEmpty(preset.Partner), nameof(preset),
                $"Model '{preset.Name}' names no drafter/target partner, so it has no spec-step graph.");
            partner = Get(preset.Partner);
            CheckPositions(partner, phase);
        }
        CheckPositions(preset, phase);
        return ModelGraphFactory.Build(preset, partner, phase, dtypeBytes, options);
    }

    /// <summary>A learned position table has no row past its end: OPT cannot run beyond max_position_embeddings.</summary>
    private static void CheckPositions(ModelPreset preset, ModelPhase phase)
    {
        long tokens = phase.Kind is PhaseKind.Prefill or PhaseKind.TrainStep
            ? phase.Seq + (preset.Vision?.PatchCount ?? 0)
            : (long)phase.Context + phase.Queries;
        Guard.That(preset.Text.Positions != PositionKind.Learned || tokens <= preset.Text.MaxPositionEmbeddings,
            nameof(phase), $"Model '{preset.Name}' has {preset.Text.MaxPositionEmbeddings} learned positions, but "
            + $"{phase.Label} needs {tokens}.");
    }

    /// <summary>Parameters of a language model: embeddings, layers, final norm and (untied) lm-head.</summary>
    public static long ParameterCount(TransformerConfig config)
    {
        Guard.NotNull(config, nameof(config));
        long h = config.HiddenSize, kv = config.KeyValueWidth, inner = config.IntermediateSize, v = config.VocabSize;
        long norm = config.Norm == NormKind.LayerNorm ? 2 * h : h;
        long attention = (2 * h * h) + (2 * h * kv) + (config.AttentionBias ? (2 * h) + (2 * kv) : 0);
        long mlp = config.Ffn == FfnKind.Gated
            ? (3 * h * inner) + (config.MlpBias ? (2 * inner) + h : 0)
            : (2 * h * inner) + (config.MlpBias ? inner + h : 0);
        long total = v * h;
        if (config.Positions == PositionKind.Learned)
        {
            total += (config.MaxPositionEmbeddings + config.PositionOffset) * h;
        }
        total += config.NumHiddenLayers * (attention + mlp + (2 * norm));
        total += norm;
        return config.TieWordEmbeddings ? total : total + (v * h);
    }

    /// <summary>
    /// Parameters of a CLIP vision tower: patch convolution (no bias), class embedding, positions, pre-LayerNorm,
    /// layers. With <paramref name="includeUnusedLayers"/> (the checkpoint count) also the layers after the feature
    /// layer and the post-LayerNorm, which LLaVA never runs; without it, exactly the weights the graphs hold.
    /// </summary>
    public static long ParameterCount(VisionConfig config, bool includeUnusedLayers = true)
    {
        Guard.NotNull(config, nameof(config));
        long h = config.HiddenSize, inner = config.IntermediateSize;
        long layer = (4 * ((h * h) + h)) + (2 * h * inner) + inner + h + (2 * 2 * h);
        long embeddings = ((long)config.NumChannels * config.PatchSize * config.PatchSize * h) + h + (config.TokenCount * h);
        long total = embeddings + (2 * h) + (config.LayersRun * layer);
        return includeUnusedLayers ? total + ((config.NumHiddenLayers - config.LayersRun) * layer) + (2 * h) : total;
    }

    /// <summary>All parameters of a preset: language model, plus vision tower and projector/adapter if any.</summary>
    public static long ParameterCount(ModelPreset preset, bool includeUnusedLayers = true)
    {
        Guard.NotNull(preset, nameof(preset));
        long total = ParameterCount(preset.Text);
        if (preset.Vision is not null)
        {
            total += ParameterCount(preset.Vision, includeUnusedLayers);
        }
        return preset.Projector is null ? total : total + preset.Projector.ParameterCount;
    }

    /// <summary>KV-cache bytes of <paramref name="config"/> holding <paramref name="tokens"/> tokens.</summary>
    public static long KvCacheBytes(TransformerConfig config, int tokens, int dtypeBytes = DefaultDtypeBytes)
    {
        Guard.NotNull(config, nameof(config));
        return 2L * config.NumHiddenLayers * tokens * config.KeyValueWidth * dtypeBytes;
    }
}
