using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Models;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;
using static Scheduler.Graphs.Tests.Models.ModelGraphTestHelpers;

namespace Scheduler.Graphs.Tests.Models;

public class ModelZooKvInPlaceTests
{
    private static readonly ModelGraphOptions KvInPlace = new() { KvInPlace = true };
    private static readonly MemoryModelOptions Views = MemoryModelOptions.Parse("views")!;

    /// <summary>A 1-layer Llama-style toy small enough to follow by hand: hidden 8, 2 heads (head dim 4, KV width 8),
    /// gated MLP 16, vocab 10.</summary>
    private static readonly TransformerConfig Tiny = new TransformerConfig
    {
        HiddenSize = 8, IntermediateSize = 16, NumHiddenLayers = 1, NumAttentionHeads = 2, NumKeyValueHeads = 2,
        VocabSize = 10, MaxPositionEmbeddings = 16,
    }.Validated();

    public static TheoryData<string, string> Graphs() => new()
    {
        { "toy-llama", "decode" }, { "toy-llama", "spec-verify" }, { "toy-llama", "tree-verify" },
        { "toy-opt", "decode" }, { "toy-opt", "tree-verify" }, { "llama2-chat-drafter-115m", "spec-step" },
        { "toy-llama", "prefill" }, { "toy-opt", "prefill" },
    };

    private static ComputationGraph Build(string preset, string phase, ModelGraphOptions options)
    {
        var p = ModelPhase.Parse(phase, seq: 8, context: 16, draft: 3, tree: 4);
        return preset switch
        {
            "toy-llama" => ModelZoo.Build(Text(ToyLlama), p, ModelZoo.DefaultDtypeBytes, options),
            "toy-opt" => ModelZoo.Build(Text(ToyOpt), p, ModelZoo.DefaultDtypeBytes, options),
            _ => ModelZoo.Build(preset, p, ModelZoo.DefaultDtypeBytes, options),
        };
    }

    private static int[] Emission(ComputationGraph g) => Enumerable.Range(0, g.OpCount).ToArray();

    [Fact]
    public void Build_KvInPlaceTinyDecode_PeaksAsDerivedByHand()
    {
        // Decode, 4 cached tokens, 1-byte elements, the emission order (ids are steps). Sizes: hidden rows 8, cos/sin 4
        // each, mask 1×5 = 5, scores 2 heads × 1 × 5 keys = 10, MLP rows 16, logits 10; input and position ids 8 each.
        // Live after each step, default model (the K/V rows kw, vw: 8 each, graph outputs, held to the end):
        //   embed 24→16, mask 21, rotary 29→21 (ids and positions freed), norm 29, q 37, k 45, v 53→45 (norm freed),
        //   q_rotary 53→45, k_rotary 53→37 (cos, sin, k freed), k write 45→37, v write 45→37, scores 47→39,
        //   mask_scale 49→34, softmax 44→34, ·V 42→32, o_proj 40→32, residual 40→24, norm 32, gate 48,
        //   up 64→56, act 72→56, mul 72→40, down 48→32, residual 40→24, final norm 32→24, lm_head 34.
        // Peak 72 at act and mul (kw, vw, residual 8, up/act 16 + the 16-byte output). The plain graph is the same
        // (its KvAppend rows are the same graph outputs). Under views the writes allocate nothing (they alias the
        // resident cache), so every step from the k write on is 16 lower: act and mul 56; the steps before are
        // unchanged, at most 53 (v_proj, q_rotary, k_rotary). Peak 56.
        var phase = ModelPhase.Decode(4);
        var plain = ModelZoo.Build(Text(Tiny), phase, dtypeBytes: 1);
        var inPlace = ModelZoo.Build(Text(Tiny), phase, 1, KvInPlace);
        Assert.Equal(72, MemoryModel.Evaluate(plain, Emission(plain)));
        Assert.Equal(72, MemoryModel.Evaluate(plain, Emission(plain), Views));
        Assert.Equal(72, MemoryModel.Evaluate(inPlace, Emission(inPlace)));
        Assert.Equal(56, MemoryModel.Evaluate(inPlace, Emission(inPlace), Views));
        // The cache now holds the written row too: 5 rows of 8 bytes for k and for v instead of 4.
        Assert.Equal(plain.ResidentBytes + 16, inPlace.ResidentBytes);
        Assert.Equal("toy-decode-c4-kv-in-place", inPlace.Name);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Build_KvInPlace_WritesAliasTheResidentCacheAfterEveryReaderOfTheOldState(string preset, string phase)
    {
        var plain = Build(preset, phase, ModelGraphOptions.Default);
        var g = Build(preset, phase, KvInPlace);
        Assert.Equal(plain.OpCount, g.OpCount);
        var reach = Reachability.Compute(g);
        var writes = Enumerable.Range(0, g.OpCount).Where(v => g.OpType(v) == "KvWrite").ToList();
        Assert.Equal(Enumerable.Range(0, plain.OpCount).Count(v => plain.OpType(v) == "KvAppend"), writes.Count);
        Assert.DoesNotContain(Enumerable.Range(0, g.OpCount), v => g.OpType(v) == "KvAppend");
        foreach (int v in writes)
        {
            int written = g.Outputs(v)[0], source = g.AliasOf(written);
            Assert.Contains(source, g.Inputs(v).ToArray());
            int root = source;
            while (g.AliasOf(root) >= 0)
            {
                root = g.AliasOf(root);
            }
            Assert.True(g.IsResident(root), $"{g.OpName(v)} writes into {g.TensorName(root)}, which is not resident");
            Assert.EndsWith("_cache", g.TensorName(root), StringComparison.Ordinal);
            foreach (int reader in g.Consumers(source))
            {
                Assert.True(reader == v || reach.Ancestors(v).Get(reader),
                    $"{g.OpName(v)} may run before {g.OpName(reader)}, which reads the state it overwrites");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Build_KvInPlace_MemoryModelMatchesNaiveStorageSimulatorUnderEveryOption(string preset, string phase)
    {
        var g = Build(preset, phase, new ModelGraphOptions { Views = true, KvInPlace = true });
        var orders = new List<int[]> { Emission(g) };
        for (int seed = 0; seed < 3; seed++)
        {
            orders.Add(RandomTopologicalOrder(g, seed));
        }
        foreach (var options in MemoryModelOptions.All)
        {
            foreach (var order in orders)
            {
                Assert.Equal(NaiveStorageSimulator.Peak(g, order, options), MemoryModel.Evaluate(g, order, options));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Build_KvInPlace_SamePeakAsCopiesAndNoHigherUnderViews(string preset, string phase)
    {
        var plain = Build(preset, phase, ModelGraphOptions.Default);
        var g = Build(preset, phase, KvInPlace);
        long plainPeak = MemoryModel.Evaluate(plain, Emission(plain));
        // Counted as copies the written rows are KvAppend's rows: the same memory at every step.
        Assert.Equal(MemoryModel.Profile(plain, Emission(plain)), MemoryModel.Profile(g, Emission(g)));
        long viewsPeak = MemoryModel.Evaluate(g, Emission(g), Views);
        Assert.True(viewsPeak <= plainPeak, $"{g.Name}: {viewsPeak} B under views above {plainPeak} B");
        Assert.True(MemoryModel.Profile(g, Emission(g), Views).Sum() < MemoryModel.Profile(plain, Emission(plain), Views).Sum());
        Assert.True(MemoryModel.LowerBound(g, Views) <= viewsPeak);
        Assert.True(g.ResidentBytes > plain.ResidentBytes);
    }

    [Theory]
    [InlineData("toy-llama", "spec-verify")]
    [InlineData("llama2-chat-drafter-115m", "spec-step")]
    public void Build_KvInPlace_JsonRoundTripKeepsAliasesControlEdgesAndPeaks(string preset, string phase)
    {
        var g = Build(preset, phase, new ModelGraphOptions { Views = true, KvInPlace = true });
        var back = JsonGraphReader.Parse(JsonGraphWriter.Write(g));
        Assert.Equal(g.Name, back.Name);
        Assert.Equal(g.EdgeCount, back.EdgeCount);
        Assert.Equal(g.ResidentBytes, back.ResidentBytes);
        // The reader numbers tensors its own way: compare the aliases by tensor name.
        static string[] Aliases(ComputationGraph x) => Enumerable.Range(0, x.TensorCount).Where(t => x.AliasOf(t) >= 0)
            .Select(t => $"{x.TensorName(t)} -> {x.TensorName(x.AliasOf(t))}").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(Aliases(g));
        Assert.Equal(Aliases(g), Aliases(back));
        var kahn = TopologicalSort.KahnOrder(g);
        foreach (var options in MemoryModelOptions.All)
        {
            Assert.Equal(MemoryModel.Evaluate(g, kahn, options), MemoryModel.Evaluate(back, kahn, options));
        }
    }

    [Fact]
    public void Build_KvInPlaceSpecStep_ChainsEachDrafterWriteAfterThePreviousStepsReaders()
    {
        var g = ModelZoo.Build("llama2-chat-drafter-115m", ModelPhase.SpecStep(16, 3), ModelZoo.DefaultDtypeBytes, KvInPlace);
        int write = Op(g, "drafter.step2.layers.0.attn.k_cache_write");
        int previous = Op(g, "drafter.step1.layers.0.attn.k_cache_write");
        Assert.Equal(g.Outputs(previous)[0], g.AliasOf(g.Outputs(write)[0]));
        Assert.Contains(Op(g, "drafter.step1.layers.0.attn.scores"), g.Predecessors(write).ToArray());
        // The drafter's cache holds the context and every drafted token; the target's the context and its 4 queries.
        long kv = PresetCatalog.Drafter115M.KeyValueWidth * ModelZoo.DefaultDtypeBytes;
        Assert.Equal((16 + 3) * kv, InputBytes(g, "drafter.layers.0.attn.k_cache"));
        Assert.Equal((16 + 4) * PresetCatalog.Llama2_7B.KeyValueWidth * ModelZoo.DefaultDtypeBytes,
            InputBytes(g, "target.layers.0.attn.v_cache"));
    }
}
