using Scheduler.Graphs;
using Scheduler.Graphs.Models;
using Scheduler.Graphs.Topology;
using static Scheduler.Graphs.Tests.Models.ModelGraphTestHelpers;

namespace Scheduler.Graphs.Tests.Models;

public partial class ModelZooTests
{
    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Build_TrainStepEveryPreset_WeightGradientBytesEqualTrainableParameterBytes(string name)
    {
        var preset = ModelZoo.Get(name);
        var g = ModelZoo.Build(preset, ModelPhase.TrainStep(8));
        Assert.True(MemoryModel.IsValid(g, Enumerable.Range(0, g.OpCount).ToArray(), out string? message), message);
        Assert.True(MemoryModel.IsValid(g, TopologicalSort.KahnOrder(g), out message), message);
        // Trainable: the language model and the projector/adapter; the CLIP tower is frozen (LLaVA-1.5 stage 2).
        long trainable = ModelZoo.ParameterCount(preset.Text) + (preset.Projector?.ParameterCount ?? 0);
        long frozen = preset.Vision is null ? 0 : ModelZoo.ParameterCount(preset.Vision, includeUnusedLayers: false);
        long gradientBytes = 0;
        int updates = 0;
        foreach (int v in OpsStartingWith(g, "adam."))
        {
            updates++;
            var buffers = g.Inputs(v).ToArray().Where(t => g.Producer(t) >= 0 && g.TensorSize(t) > 0).ToArray();
            Assert.Single(buffers);
            Assert.StartsWith("grad.", g.TensorName(buffers[0]));
            Assert.Equal(InputBytes(g, g.OpName(v)["adam.".Length..]), g.TensorSize(buffers[0]));
            Assert.Equal(0, g.OutputBytes(v));
            gradientBytes += g.TensorSize(buffers[0]);
        }
        Assert.Equal(trainable * ModelZoo.DefaultDtypeBytes, gradientBytes);
        // Weights plus AdamW's two moments per trainable weight are resident; the frozen tower has no moments.
        Assert.Equal((frozen + (3 * trainable)) * ModelZoo.DefaultDtypeBytes, g.ResidentBytes);
        Assert.True(updates > 10, $"{g.Name}: only {updates} updates");
        var outputs = Enumerable.Range(0, g.TensorCount).Where(g.IsGraphOutput).ToArray();
        Assert.Equal([Op(g, "loss")], outputs.Select(g.Producer).ToArray());
    }

    [Fact]
    public void Build_TrainStepToyLlama_EachSavedActivationFeedsItsBackwardOp()
    {
        var g = ModelZoo.Build(Text(ToyLlama), ModelPhase.TrainStep(8));
        for (int l = 0; l < 2; l++)
        {
            string at = $"layers.{l}.";
            string layerInput = l == 0 ? "embed_tokens" : "layers.0.mlp.residual";
            AssertSavedFor(g, layerInput, $"grad.{at}input_layernorm.input", $"grad.{at}input_layernorm.weight");
            AssertSavedFor(g, at + "input_layernorm", $"grad.{at}attn.q_proj.weight", $"grad.{at}attn.k_proj.weight", $"grad.{at}attn.v_proj.weight");
            AssertSavedFor(g, at + "attn.q_rotary", $"grad.{at}attn.scores.key");
            AssertSavedFor(g, at + "attn.k_rotary", $"grad.{at}attn.scores.query");
            AssertSavedFor(g, at + "attn.softmax", $"grad.{at}attn.softmax.input", $"grad.{at}attn.weighted_sum.value");
            AssertSavedFor(g, at + "attn.v_proj", $"grad.{at}attn.weighted_sum.probs");
            AssertSavedFor(g, at + "attn.weighted_sum", $"grad.{at}attn.o_proj.weight");
            AssertSavedFor(g, at + "mlp.gate_proj", $"grad.{at}mlp.act.input");
            AssertSavedFor(g, at + "mlp.act", $"grad.{at}mlp.mul.up");
            AssertSavedFor(g, at + "mlp.up_proj", $"grad.{at}mlp.mul.act");
            AssertSavedFor(g, at + "mlp.mul", $"grad.{at}mlp.down_proj.weight");
        }
        AssertSavedFor(g, "norm", "grad.lm_head.weight");
        AssertSavedFor(g, "lm_head", "grad.loss");
    }

    [Theory]
    [InlineData("llama")]
    [InlineData("opt")]
    public void Build_TrainStepToy_SavedActivationsAreLiveAtTheLossInEveryOrder(string kind)
    {
        // A saved tensor is made in the forward pass (an ancestor of the loss gradient) and read in the backward pass
        // (a descendant), so the cut bound — hence every order's peak — counts all of them at once.
        var g = ModelZoo.Build(Text(kind == "llama" ? ToyLlama : ToyOpt), ModelPhase.TrainStep(8));
        long saved = 0;
        int count = 0;
        foreach (int v in Enumerable.Range(0, g.OpCount).Where(v => IsForward(g.OpName(v))))
        {
            int t = g.Outputs(v)[0];
            var consumers = g.Consumers(t).ToArray();
            if (consumers.Any(c => g.OpName(c).StartsWith("grad.", StringComparison.Ordinal)))
            {
                saved += g.TensorSize(t);
                count++;
            }
        }
        Assert.True(count > 20, $"only {count} saved activations");
        Assert.InRange(saved, 1, MemoryModel.CutBound(g));
        Assert.InRange(saved, 1, MemoryModel.Evaluate(g, RandomTopologicalOrder(g, 3)));
    }

    [Fact]
    public void Build_TrainStepToyLlama_SizesAndReverseLayerOrder()
    {
        var g = ModelZoo.Build(Text(ToyLlama), ModelPhase.TrainStep(8));
        Assert.Equal(64 * 64 * 2, g.OutputBytes(Op(g, "grad.layers.0.attn.q_proj.weight")));
        Assert.Equal(64 * 32 * 2, g.OutputBytes(Op(g, "grad.layers.0.attn.k_proj.weight")));
        Assert.Equal(8 * 64 * 2, g.OutputBytes(Op(g, "grad.layers.0.attn.scores.query")));
        Assert.Equal(8 * 32 * 2, g.OutputBytes(Op(g, "grad.layers.0.attn.scores.key")));
        Assert.Equal(4 * 8 * 8 * 2, g.OutputBytes(Op(g, "grad.layers.1.attn.softmax.input")));
        Assert.Equal(8 * 96 * 2, g.OutputBytes(Op(g, "grad.layers.1.mlp.mul.act")));
        Assert.Equal(100 * 64 * 2, g.OutputBytes(Op(g, "grad.embed_tokens.weight")));
        Assert.Equal(100 * 64 * 2, g.OutputBytes(Op(g, "grad.lm_head.weight")));
        Assert.Equal(8 * 100 * 2, g.OutputBytes(Op(g, "grad.loss")));
        Assert.Equal(4, g.OutputBytes(Op(g, "loss")));
        Assert.Equal(8 * 8, InputBytes(g, "labels"));
        // File order: forward, loss, backward from the last layer to the first, then the optimizer updates.
        Assert.True(Op(g, "loss") < Op(g, "grad.loss"));
        Assert.True(Op(g, "grad.layers.1.mlp.down_proj.input") < Op(g, "grad.layers.1.attn.o_proj.input"));
        Assert.True(Op(g, "grad.layers.1.input_layernorm.input") < Op(g, "grad.layers.0.mlp.down_proj.input"));
        Assert.True(OpsStartingWith(g, "grad.").Max() < OpsStartingWith(g, "adam.").Min());
        Assert.Equal(0, g.OpCount - 1 - OpsStartingWith(g, "adam.").Max());
    }

    [Fact]
    public void Build_TrainStepToyOptTiedHead_EmbeddingGradientAccumulatedInPlace()
    {
        var g = ModelZoo.Build(Text(ToyOpt), ModelPhase.TrainStep(8));
        int update = Op(g, "adam.embed_tokens.weight");
        var accumulate = OpsStartingWith(g, "grad.embed_tokens.weight.accumulate").Single();
        Assert.Equal(0, g.OutputBytes(accumulate));
        Assert.Contains(accumulate, g.Predecessors(update).ToArray());
        // The lm-head's weight gradient is the buffer the embedding gradient is added into.
        Assert.Contains(g.Outputs(Op(g, "grad.lm_head.weight"))[0], g.Inputs(update).ToArray());
        Assert.Contains(g.Outputs(Op(g, "grad.embed_tokens.weight"))[0], g.Inputs(accumulate).ToArray());
        Assert.DoesNotContain(Enumerable.Range(0, g.TensorCount), t => g.TensorName(t) == "lm_head.weight");
        Assert.Equal(32 * 2, g.OutputBytes(Op(g, "grad.layers.0.attn.q_proj.bias")));
    }

    [Fact]
    public void Build_TrainStep_EveryUpdateFollowsEveryReaderOfItsWeight()
    {
        var g = ModelZoo.Build(Text(ToyOpt), ModelPhase.TrainStep(8));
        var reach = Reachability.Compute(g);
        foreach (int update in OpsStartingWith(g, "adam."))
        {
            int weight = Tensor(g, g.OpName(update)["adam.".Length..]);
            foreach (int reader in g.Consumers(weight))
            {
                Assert.True(reader == update || reach.Ancestors(update).Get(reader),
                    $"{g.OpName(reader)} reads the weight but may run after {g.OpName(update)}");
            }
        }
        Assert.True(MemoryModel.Evaluate(g, TopologicalSort.KahnOrder(g)) < MemoryModel.Evaluate(g, Enumerable.Range(0, g.OpCount).ToArray()));
    }

    [Fact]
    public void Build_TrainStepMultimodal_TowerFrozenProjectorTrained()
    {
        var g = ModelZoo.Build(Multimodal(ToyLlama), ModelPhase.TrainStep(8));
        Assert.Empty(OpsStartingWith(g, "grad.vision_tower"));
        Assert.Empty(OpsStartingWith(g, "grad.multi_modal_projector.linear_1.input"));
        AssertSavedFor(g, "vision_tower.select_features", "grad.multi_modal_projector.linear_1.weight");
        int split = Op(g, "grad.merge_image_tokens.input");
        Assert.Equal([16L * 64 * 2, 8L * 64 * 2], g.Outputs(split).ToArray().Select(g.TensorSize).ToArray());
        Assert.Equal(24 * 100 * 2, g.OutputBytes(Op(g, "grad.loss")));
    }

    [Fact]
    public void Build_TrainStepOptBeyondLearnedPositions_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelZoo.Build("opt-125m", ModelPhase.TrainStep(4096)));
        Assert.Contains("train-step-s4096", ex.Message);
    }

    private static bool IsForward(string name)
        => !name.StartsWith("grad.", StringComparison.Ordinal) && !name.StartsWith("adam.", StringComparison.Ordinal) && name != "loss";

    private static int[] OpsStartingWith(ComputationGraph g, string prefix)
        => Enumerable.Range(0, g.OpCount).Where(v => g.OpName(v).StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    private static void AssertSavedFor(ComputationGraph g, string forwardOp, params string[] backwardOps)
    {
        var consumers = g.Consumers(g.Outputs(Op(g, forwardOp))[0]).ToArray();
        foreach (string b in backwardOps)
        {
            Assert.True(consumers.Contains(Op(g, b)), $"{b} does not read the output of {forwardOp}");
        }
    }
}
