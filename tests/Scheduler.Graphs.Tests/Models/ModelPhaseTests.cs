using Scheduler.Graphs.Models;

namespace Scheduler.Graphs.Tests.Models;

public class ModelPhaseTests
{
    [Fact]
    public void Parse_EveryName_RoundTripsWithDefaults()
    {
        foreach (string name in ModelPhase.Names)
        {
            Assert.Equal(name, ModelPhase.Parse(name).Name);
        }
        var tree = ModelPhase.Parse("tree-verify");
        Assert.Equal(ModelPhase.DefaultTree, tree.Tree!.Count);
        Assert.Equal(ModelPhase.DefaultTree + 1, tree.Queries);
        Assert.Equal("spec-step-c100-k3", ModelPhase.Parse("SPEC-STEP", context: 100, draft: 3).Label);
    }

    [Fact]
    public void Queries_ByPhase_CountPendingTokenInVerify()
    {
        Assert.Equal(7, ModelPhase.Prefill(7).Queries);
        Assert.Equal(1, ModelPhase.Decode(9).Queries);
        Assert.Equal(5, ModelPhase.SpecVerify(9, 4).Queries);
        Assert.Equal(5, ModelPhase.SpecStep(9, 4).Queries);
        Assert.Equal(7, ModelPhase.TrainStep(7).Queries);
        Assert.Equal("train-step-s7", ModelPhase.Parse("train-step", seq: 7).Label);
    }

    [Fact]
    public void Parse_BadInput_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelPhase.Parse("verify"));
        Assert.Contains("verify", ex.Message);
        Assert.Throws<ArgumentException>(() => ModelPhase.Parse("prefill", seq: 0));
        Assert.Throws<ArgumentException>(() => ModelPhase.Parse("decode", context: -1));
        Assert.Throws<ArgumentException>(() => ModelPhase.Parse("spec-verify", draft: 0));
        Assert.Throws<ArgumentException>(() => ModelPhase.Parse("tree-verify", tree: 0));
        Assert.Throws<ArgumentException>(() => ModelPhase.Parse("train-step", seq: 0));
    }
}
