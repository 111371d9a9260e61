using Scheduler.Graphs;
using Scheduler.Graphs.Models;

namespace Scheduler.Graphs.Tests.Models;

public partial class ModelZooTests
{
    public static TheoryData<string, double, double> KnownSizes => new()
    {
        // preset, published parameter count, relative tolerance
        { "llama2-7b", 6.74e9, 0.005 },
        { "llama2-7b-chat", 6.74e9, 0.005 },
        { "llama2-chat-drafter-115m", 115e6, 0.05 },
        { "llava-drafter-115m", 115e6, 0.05 },
        { "llava-1.5-7b", 7.06e9, 0.005 },
        { "opt-125m", 125e6, 0.01 },
        { "opt-1.3b", 1.3e9, 0.02 },
        { "opt-13b", 12.9e9, 0.01 },
    };

    [Theory]
    [MemberData(nameof(KnownSizes))]
    public void ParameterCount_Preset_MatchesPublishedSize(string name, double published, double tolerance)
    {
        long count = ModelZoo.ParameterCount(ModelZoo.Get(name));
        Assert.InRange(count, published * (1 - tolerance), published * (1 + tolerance));
    }

    [Fact]
    public void ParameterCount_Llama2AndOpt125m_EqualCheckpointNumel()
    {
        // sum(p.numel()) of the Hugging Face checkpoints meta-llama/Llama-2-7b-hf and facebook/opt-125m.
        Assert.Equal(6_738_415_616L, ModelZoo.ParameterCount(ModelZoo.Get("llama2-7b").Text));
        Assert.Equal(125_239_296L, ModelZoo.ParameterCount(ModelZoo.Get("opt-125m").Text));
    }

    [Fact]
    public void ParameterCount_ClipVitL14_336_MatchesCheckpointAndDropsUnusedLayer()
    {
        var vision = ModelZoo.Get("llava-1.5-7b").Vision!;
        // CLIPVisionModel(openai/clip-vit-large-patch14-336): 303.5M parameters.
        Assert.Equal(303_507_456L, ModelZoo.ParameterCount(vision));
        long layer = (4 * ((1024L * 1024) + 1024)) + (2 * 1024L * 4096) + 4096 + 1024 + (4 * 1024);
        Assert.Equal(303_507_456L - layer - 2048, ModelZoo.ParameterCount(vision, includeUnusedLayers: false));
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Build_Prefill_ResidentBytesEqualUsedParametersTimesDtype(string name)
    {
        var preset = ModelZoo.Get(name);
        foreach (int dtype in new[] { 2, 4 })
        {
            var g = ModelZoo.Build(preset, ModelPhase.Prefill(8), dtype);
            Assert.Equal(ModelZoo.ParameterCount(preset, includeUnusedLayers: false), g.ResidentBytes / dtype);
            Assert.Equal(0, g.ResidentBytes % dtype);
        }
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Build_Decode_ResidentBytesAddKvCache(string name)
    {
        var preset = ModelZoo.Get(name);
        var g = ModelZoo.Build(preset, ModelPhase.Decode(32));
        long expected = (ModelZoo.ParameterCount(preset.Text) * 2) + ModelZoo.KvCacheBytes(preset.Text, 32);
        Assert.Equal(expected, g.ResidentBytes);
    }

    [Fact]
    public void Build_SpecStep_ResidentBytesHoldBothModelsAndCaches()
    {
        var drafter = ModelZoo.Get("llama2-chat-drafter-115m").Text;
        var target = ModelZoo.Get("llama2-7b-chat").Text;
        var g = ModelZoo.Build("llama2-chat-drafter-115m", ModelPhase.SpecStep(16, 2));
        long expected = (2 * (ModelZoo.ParameterCount(drafter) + ModelZoo.ParameterCount(target)))
            + ModelZoo.KvCacheBytes(drafter, 16) + ModelZoo.KvCacheBytes(target, 16);
        Assert.Equal(expected, g.ResidentBytes);
    }

    [Fact]
    public void ParameterCount_ToyConfigs_CountTiedHeadOnceAndBiases()
    {
        // Toy Llama: embed 100·64, per layer q 64·64 + k,v 64·32 each + o 64·64 + MLP 3·64·96 + 2 norms of 64,
        // final norm 64, untied head 100·64.
        long llama = (100 * 64) + (2 * ((2 * 64 * 64) + (2 * 64 * 32) + (3 * 64 * 96) + (2 * 64))) + 64 + (100 * 64);
        Assert.Equal(llama, ModelZoo.ParameterCount(ModelGraphTestHelpers.ToyLlama));
        // Toy OPT: embed 100·32, positions 66·32, per layer 4 biased 32×32, fc1/fc2 with biases, 2 LayerNorms; tied head.
        long opt = (100 * 32) + (66 * 32) + (2 * ((4 * ((32 * 32) + 32)) + (2 * 32 * 128) + 128 + 32 + (4 * 32))) + 64;
        Assert.Equal(opt, ModelZoo.ParameterCount(ModelGraphTestHelpers.ToyOpt));
    }
}
