using Scheduler.Graphs;
using Scheduler.Graphs.Models;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests.Models;

/// <summary>Small configs and lookups shared by the model-graph tests.</summary>
internal static class ModelGraphTestHelpers
{
    /// <summary>A 2-layer Llama-style toy: hidden 64, MLP 96, 4 heads (2 KV heads), vocab 100.</summary>
    public static TransformerConfig ToyLlama { get; } = new TransformerConfig
    {
        HiddenSize = 64, IntermediateSize = 96, NumHiddenLayers = 2, NumAttentionHeads = 4, NumKeyValueHeads = 2,
        VocabSize = 100, MaxPositionEmbeddings = 128,
    }.Validated();

    /// <summary>A 2-layer OPT-style toy: hidden 32, MLP 128, 4 heads, vocab 100, 64 positions.</summary>
    public static TransformerConfig ToyOpt { get; } = new TransformerConfig
    {
        ModelType = "opt", HiddenSize = 32, IntermediateSize = 128, NumHiddenLayers = 2, NumAttentionHeads = 4,
        VocabSize = 100, MaxPositionEmbeddings = 64, HiddenAct = "relu", Norm = NormKind.LayerNorm,
        Positions = PositionKind.Learned, PositionOffset = 2, TieWordEmbeddings = true, Ffn = FfnKind.Plain,
        AttentionBias = true, MlpBias = true,
    }.Validated();

    /// <summary>A 2-layer CLIP-style toy tower: 32×32 image, patch 8 (16 patches), hidden 32, 4 heads, 3 layers (2 run).</summary>
    public static VisionConfig ToyVision { get; } = new VisionConfig
    {
        HiddenSize = 32, IntermediateSize = 64, NumHiddenLayers = 3, NumAttentionHeads = 4, ImageSize = 32, PatchSize = 8,
    }.Validated();

    public static ModelPreset Text(TransformerConfig c, string name = "toy")
        => new(name, "toy", c, null, null, false, "", "test");

    public static ModelPreset Multimodal(TransformerConfig c)
        => new("toy-vlm", "toy", c, ToyVision, new AdapterConfig(ToyVision.HiddenSize, 48, c.HiddenSize), false, "", "test");

    /// <summary>Dense index of the op named <paramref name="name"/> (fails the test when absent).</summary>
    public static int Op(ComputationGraph g, string name)
    {
        for (int v = 0; v < g.OpCount; v++)
        {
            if (g.OpName(v) == name)
            {
                return v;
            }
        }
        Assert.Fail($"{g.Name} has no op named '{name}'.");
        return -1;
    }

    /// <summary>Index of the graph input named <paramref name="name"/>.</summary>
    public static int Tensor(ComputationGraph g, string name)
    {
        for (int t = 0; t < g.TensorCount; t++)
        {
            if (g.Producer(t) < 0 && g.TensorName(t) == name)
            {
                return t;
            }
        }
        Assert.Fail($"{g.Name} has no input named '{name}'.");
        return -1;
    }

    /// <summary>Size of the graph input named <paramref name="name"/>.</summary>
    public static long InputBytes(ComputationGraph g, string name) => g.TensorSize(Tensor(g, name));

    /// <summary>A seeded uniformly-chosen-ready-op topological order.</summary>
    public static int[] RandomTopologicalOrder(ComputationGraph g, int seed) => Orders.RandomTopological(g, new Random(seed));
}
