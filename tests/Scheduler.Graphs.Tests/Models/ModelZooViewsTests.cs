using Scheduler.Graphs.Models;

namespace Scheduler.Graphs.Tests.Models;

public class ModelZooViewsTests
{
    public static TheoryData<string, string> Graphs() => new()
    {
        { "opt-125m", "prefill" }, { "opt-125m", "decode" }, { "llama2-chat-drafter-115m", "tree-verify" },
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Build_Views_MarksHeadReshapesThatCostNothingUnderViewsAndCopiesWithout(string preset, string phase)
    {
        var p = ModelPhase.Parse(phase, null, null, null, null);
        var plain = ModelZoo.Build(preset, p);
        var viewed = ModelZoo.Build(preset, p, ModelZoo.DefaultDtypeBytes, new ModelGraphOptions { Views = true });
        int reshapes = Enumerable.Range(0, viewed.OpCount).Count(v => viewed.OpType(v) == "Reshape");
        Assert.Equal(viewed.OpCount - plain.OpCount, reshapes);
        Assert.True(reshapes > 0);
        Assert.All(Enumerable.Range(0, viewed.OpCount).Where(v => viewed.OpType(v) == "Reshape"),
            v => Assert.True(viewed.AliasOf(viewed.Outputs(v)[0]) >= 0));
        int[] Emission(ComputationGraph g) => Enumerable.Range(0, g.OpCount).ToArray();
        var views = MemoryModelOptions.Parse("views")!;
        // Free under views: the emission order peaks exactly where the graph without the reshapes does.
        Assert.Equal(MemoryModel.Evaluate(plain, Emission(plain)), MemoryModel.Evaluate(viewed, Emission(viewed), views));
        // Counted as copies, the same reshapes never lower the peak and cost memory at their steps.
        Assert.True(MemoryModel.Evaluate(viewed, Emission(viewed)) >= MemoryModel.Evaluate(plain, Emission(plain)));
        Assert.True(MemoryModel.Profile(viewed, Emission(viewed)).Sum() > MemoryModel.Profile(viewed, Emission(viewed), views).Sum());
    }
}
