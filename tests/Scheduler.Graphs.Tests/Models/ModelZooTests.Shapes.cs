using Scheduler.Graphs;
using Scheduler.Graphs.Models;
using static Scheduler.Graphs.Tests.Models.ModelGraphTestHelpers;

namespace Scheduler.Graphs.Tests.Models;

public partial class ModelZooTests
{
    [Fact]
    public void Build_ToyPrefill_OpOutputsHaveTokenTimesWidthBytes()
    {
        var g = ModelZoo.Build(Text(ToyLlama), ModelPhase.Prefill(8), dtypeBytes: 2);
        long Out(string name) => g.OutputBytes(Op(g, name));
        Assert.Equal(8 * 64 * 2, Out("layers.0.attn.q_proj"));
        Assert.Equal(8 * 32 * 2, Out("layers.1.attn.k_proj"));          // 2 KV heads × head dim 16
        Assert.Equal(8 * 32 * 2, Out("layers.1.attn.k_cache_append"));
        Assert.Equal(4 * 8 * 8 * 2, Out("layers.0.attn.scores"));        // heads × queries × keys
        Assert.Equal(4 * 8 * 8 * 2, Out("layers.0.attn.softmax"));
        Assert.Equal(8 * 96 * 2, Out("layers.0.mlp.gate_proj"));
        Assert.Equal(8 * 64 * 2, Out("layers.0.mlp.down_proj"));
        Assert.Equal(2 * 8 * 16 * 2, Out("rotary_emb"));                // cos and sin, [seq, head dim] each
        Assert.Equal(1 * 100 * 2, Out("lm_head"));                      // last token only
        Assert.Equal(8 * 8 * 2, Out("causal_mask"));
    }

    [Fact]
    public void Build_ToyDecode_ScoresSpanCacheAndNewTokenAndReadResidentCache()
    {
        var g = ModelZoo.Build(Text(ToyLlama), ModelPhase.Decode(16), dtypeBytes: 4);
        Assert.Equal(4 * 1 * 17 * 4, g.OutputBytes(Op(g, "layers.0.attn.scores")));
        Assert.Equal(16 * 32 * 4, InputBytes(g, "layers.0.attn.k_cache"));
        Assert.Equal(100 * 4, g.OutputBytes(Op(g, "lm_head")));
        int append = Op(g, "layers.1.attn.v_cache_append");
        Assert.True(g.IsGraphOutput(g.Outputs(append)[0]));
        Assert.Contains(append, g.Predecessors(Op(g, "layers.1.attn.weighted_sum")).ToArray());
    }

    [Fact]
    public void Build_ToyOptPrefill_AddsLearnedPositionsAndTiesHead()
    {
        var g = ModelZoo.Build(Text(ToyOpt), ModelPhase.Prefill(8));
        Assert.Equal(66 * 32 * 2, InputBytes(g, "embed_positions.weight"));
        Assert.Equal(8 * 128 * 2, g.OutputBytes(Op(g, "layers.0.mlp.fc1")));
        Assert.Equal("relu", g.OpType(Op(g, "layers.0.mlp.act")));
        // One weight tensor feeds both the embedding gather and the lm-head.
        Assert.Equal([Op(g, "embed_tokens"), Op(g, "lm_head")], g.Consumers(Tensor(g, "embed_tokens.weight")).ToArray());
    }

    [Fact]
    public void Build_ToyMultimodalPrefill_RunsTowerToFeatureLayerAndMergesImageTokens()
    {
        var g = ModelZoo.Build(Multimodal(ToyLlama), ModelPhase.Prefill(8));
        Assert.Equal(17 * 32 * 2, g.OutputBytes(Op(g, "vision_tower.embeddings.position_add")));   // 16 patches + CLS
        Assert.Equal(4 * 17 * 17 * 2, g.OutputBytes(Op(g, "vision_tower.layers.1.attn.scores")));
        Assert.DoesNotContain(Enumerable.Range(0, g.OpCount), v => g.OpName(v).StartsWith("vision_tower.layers.2.", StringComparison.Ordinal));
        Assert.Equal(16 * 32 * 2, g.OutputBytes(Op(g, "vision_tower.select_features")));
        Assert.Equal(16 * 48 * 2, g.OutputBytes(Op(g, "multi_modal_projector.linear_1")));
        Assert.Equal((16 + 8) * 64 * 2, g.OutputBytes(Op(g, "merge_image_tokens")));
        Assert.Equal(4 * 24 * 24 * 2, g.OutputBytes(Op(g, "layers.0.attn.scores")));
        Assert.True(g.IsFreeableInput(g.Inputs(Op(g, "vision_tower.embeddings.patch_embedding"))[0]));
    }

    [Fact]
    public void Build_LlavaPrefill_HasCountedImageTokens()
    {
        var g = ModelZoo.Build("llava-1.5-7b", ModelPhase.Prefill(16));
        Assert.Equal(577L * 1024 * 2, g.OutputBytes(Op(g, "vision_tower.pre_layrnorm")));
        Assert.Equal(576L * 4096 * 2, g.OutputBytes(Op(g, "multi_modal_projector.linear_2")));
        Assert.Equal((576L + 16) * 4096 * 2, g.OutputBytes(Op(g, "layers.31.attn.q_proj")));
        var adapter = ModelZoo.Build("llava-drafter-115m-adapter", ModelPhase.Prefill(16));
        Assert.Equal(576L * 1024 * 2, adapter.OutputBytes(Op(adapter, "image_adapter.linear_2")));
        Assert.Equal(1024L * 1024 * 2, InputBytes(adapter, "image_adapter.linear_1.weight"));
    }

    [Fact]
    public void Build_ToyVerify_LogitsForEveryQueryAndAcceptIsOutput()
    {
        var g = ModelZoo.Build(Text(ToyLlama), ModelPhase.SpecVerify(16, 3));
        Assert.Equal(4 * 100 * 2, g.OutputBytes(Op(g, "lm_head")));
        Assert.Equal(4 * 4 * 20 * 2, g.OutputBytes(Op(g, "layers.0.attn.scores")));
        int accept = Op(g, "verify.accept");
        Assert.True(g.IsGraphOutput(g.Outputs(accept)[0]));
        Assert.True(g.IsGraphOutput(g.Outputs(Op(g, "lm_head"))[0]));
    }

    [Fact]
    public void Build_OpIdsFollowEmissionOrderAndNamesAreUnique()
    {
        var g = ModelZoo.Build(Multimodal(ToyOpt), ModelPhase.Prefill(4));
        var names = new HashSet<string>();
        for (int v = 0; v < g.OpCount; v++)
        {
            Assert.Equal(v, g.OpId(v));
            Assert.True(names.Add(g.OpName(v)), $"duplicate op name {g.OpName(v)}");
        }
        Assert.True(MemoryModel.IsValid(g, Enumerable.Range(0, g.OpCount).ToArray(), out string? message), message);
    }

    [Fact]
    public void Build_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => ModelZoo.Build("no-such-model", ModelPhase.Decode()));
        Assert.Throws<ArgumentException>(() => ModelZoo.Build("opt-125m", ModelPhase.Decode(), dtypeBytes: 0));
        Assert.Throws<ArgumentException>(() => ModelZoo.Build(Text(ToyLlama), ModelPhase.SpecStep(4, 2)));
        Assert.Throws<ArgumentException>(() => ModelZoo.Build("opt-125m", ModelPhase.Decode(2048)));
        var lastFit = ModelZoo.Build("opt-125m", ModelPhase.Decode(2047));
        Assert.Equal(2047L * 768 * 2, InputBytes(lastFit, "layers.0.attn.k_cache"));
        var mismatched = Text(ToyOpt) with { IsDrafter = true, Partner = "llama2-7b" };
        Assert.Throws<ArgumentException>(() => ModelZoo.Build(mismatched, ModelPhase.SpecStep(4, 2)));
    }
}
