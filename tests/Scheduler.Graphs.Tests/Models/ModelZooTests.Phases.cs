using Scheduler.Graphs;
using Scheduler.Graphs.Models;
using Scheduler.Graphs.Topology;
using static Scheduler.Graphs.Tests.Models.ModelGraphTestHelpers;

namespace Scheduler.Graphs.Tests.Models;

public partial class ModelZooTests
{
    public static TheoryData<string> PresetNames()
    {
        var data = new TheoryData<string>();
        foreach (var p in ModelZoo.Presets)
        {
            data.Add(p.Name);
        }
        return data;
    }

    public static TheoryData<string, string> PresetPhases()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in ModelZoo.Presets)
        {
            foreach (string phase in ModelPhase.Names)
            {
                data.Add(p.Name, phase);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PresetPhases))]
    public void Build_EveryPresetAndPhase_IsValidDagWithOutputs(string preset, string phase)
    {
        var g = ModelZoo.Build(preset, ModelPhase.Parse(phase, seq: 8, context: 16, draft: 2, tree: 4));
        Assert.True(g.OpCount > 50, $"{g.Name}: only {g.OpCount} ops");
        var fileOrder = Enumerable.Range(0, g.OpCount).ToArray();
        Assert.True(MemoryModel.IsValid(g, fileOrder, out string? message), $"{g.Name}: file order invalid: {message}");
        long peak = MemoryModel.Evaluate(g, fileOrder);
        Assert.InRange(peak, MemoryModel.LowerBound(g), long.MaxValue);
        Assert.InRange(MemoryModel.Evaluate(g, RandomTopologicalOrder(g, 7)), MemoryModel.LowerBound(g), long.MaxValue);
        // Inference phases return logits; a training step returns only its loss (the logits feed the loss).
        string output = phase switch { "spec-step" => "target.lm_head", "train-step" => "loss", _ => "lm_head" };
        Assert.True(g.IsGraphOutput(g.Outputs(Op(g, output))[0]));
        Assert.True(g.ResidentBytes >= ModelZoo.ParameterCount(ModelZoo.Get(preset).Text) * ModelZoo.DefaultDtypeBytes);
    }

    [Fact]
    public void Build_SpecStep_EveryDrafterOpPrecedesTargetInAnyOrder()
    {
        var g = ModelZoo.Build("llava-drafter-115m", ModelPhase.SpecStep(16, 3));
        var reach = Reachability.Compute(g);
        int targetEmbed = Op(g, "target.embed_tokens");
        int drafterOps = 0;
        for (int v = 0; v < g.OpCount; v++)
        {
            if (g.OpName(v).StartsWith("drafter.", StringComparison.Ordinal))
            {
                drafterOps++;
                Assert.True(reach.Ancestors(targetEmbed).Get(v), $"{g.OpName(v)} is not forced before the verify");
            }
        }
        Assert.True(drafterOps > 3 * 4 * 20, $"only {drafterOps} drafter ops");
        // Only the target's position-derived ops (mask, rotary tables) may run early; everything reading hidden state
        // waits for the drafts.
        var positional = new HashSet<string>(StringComparer.Ordinal) { "target.causal_mask", "target.rotary_emb" };
        int tokens = Op(g, "target.draft_tokens");
        for (int seed = 0; seed < 5; seed++)
        {
            var order = RandomTopologicalOrder(g, seed);
            int firstTarget = Array.FindIndex(order, v => g.OpName(v).StartsWith("target.", StringComparison.Ordinal)
                && !positional.Contains(g.OpName(v)));
            int lastDrafter = Array.FindLastIndex(order, v => g.OpName(v).StartsWith("drafter.", StringComparison.Ordinal));
            Assert.True(lastDrafter < firstTarget, $"seed {seed}: drafter op at {lastDrafter} after target op at {firstTarget}");
            Assert.Equal(tokens, order[firstTarget]);
        }
    }

    [Fact]
    public void Build_SpecStep_StepsChainThroughSampledTokensAndKvEntries()
    {
        var g = ModelZoo.Build("llama2-chat-drafter-115m", ModelPhase.SpecStep(16, 3));
        Assert.Contains(Op(g, "drafter.step1.sample"), g.Predecessors(Op(g, "drafter.step2.embed_tokens")).ToArray());
        Assert.Contains(Op(g, "drafter.step1.layers.2.attn.k_cache_append"),
            g.Predecessors(Op(g, "drafter.step3.layers.2.attn.scores")).ToArray());
        // Step 3 scores the cache (16), steps 1-2 (2) and itself (1).
        Assert.Equal(8L * 19 * 2, g.OutputBytes(Op(g, "drafter.step3.layers.0.attn.scores")));
        var verifyInputs = g.Predecessors(Op(g, "verify.accept")).ToArray();
        Assert.Contains(Op(g, "drafter.step3.softmax"), verifyInputs);
        Assert.Contains(Op(g, "target.lm_head"), verifyInputs);
        Assert.Equal(32L * 4 * 20 * 2, g.OutputBytes(Op(g, "target.layers.0.attn.scores")));
        // Each model's weights are shared by its steps, not copied per step.
        Assert.Equal(3, g.Consumers(Tensor(g, "drafter.layers.0.attn.q_proj.weight")).Length);
        Assert.Equal(1, g.Consumers(Tensor(g, "target.layers.0.attn.q_proj.weight")).Length);
    }

    [Fact]
    public void Build_TargetSpecStep_UsesDefaultDrafter()
    {
        var fromTarget = ModelZoo.Build("llama2-7b-chat", ModelPhase.SpecStep(16, 2));
        var fromDrafter = ModelZoo.Build("llama2-chat-drafter-115m", ModelPhase.SpecStep(16, 2));
        Assert.Equal(fromDrafter.OpCount, fromTarget.OpCount);
        Assert.Equal(fromDrafter.ResidentBytes, fromTarget.ResidentBytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Build_ChainTreeVerify_HasCausalVerifySizes(int tokens)
    {
        var chain = ModelZoo.Build(Text(ToyLlama), ModelPhase.TreeVerify(16, DraftTree.Chain(tokens)));
        var causal = ModelZoo.Build(Text(ToyLlama), ModelPhase.SpecVerify(16, tokens));
        Assert.Equal(causal.OpCount, chain.OpCount);
        Assert.Equal(causal.EdgeCount, chain.EdgeCount);
        for (int v = 0; v < causal.OpCount; v++)
        {
            Assert.Equal(causal.OutputBytes(v), chain.OutputBytes(v));
        }
        Assert.Equal(causal.OutputBytes(Op(causal, "causal_mask")), chain.OutputBytes(Op(chain, "tree_mask")));
    }

    [Fact]
    public void Build_BinaryTreeVerify_QueriesAreTreePlusRoot()
    {
        var g = ModelZoo.Build(Text(ToyLlama), ModelPhase.TreeVerify(16, DraftTree.Balanced(6)));
        Assert.Equal(7 * 64 * 2, g.OutputBytes(Op(g, "layers.0.attn.q_proj")));
        Assert.Equal(7 * (16 + 7) * 2, g.OutputBytes(Op(g, "tree_mask")));
        Assert.Equal(6 * 8, InputBytes(g, "tree_parents"));
    }

    [Fact]
    public void DefaultCompareSet_BuildsModerateValidGraphs()
    {
        Assert.NotEmpty(ModelZoo.DefaultCompareSet);
        foreach (var spec in ModelZoo.DefaultCompareSet)
        {
            var g = spec.Build();
            Assert.Equal(spec.Name, g.Name);
            Assert.InRange(g.OpCount, 100, 3000);
            Assert.True(MemoryModel.IsValid(g, TopologicalSort.KahnOrder(g), out string? message), message);
        }
    }
}
