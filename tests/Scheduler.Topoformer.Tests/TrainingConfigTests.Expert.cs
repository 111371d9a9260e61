using Scheduler.Topoformer.Training;

namespace Scheduler.Topoformer.Tests;

/// <summary>The expert-iteration keys and the size curriculum: parsing, errors naming file and key, stage lookup.</summary>
public sealed partial class TrainingConfigTests
{
    private const string Stages = "curriculum:\n  - steps: 3\n    nodes_min: 10\n    nodes_max: 20\n  - steps: 2\n    nodes_min: 30\n    nodes_max: 40\n";

    [Fact]
    public void Load_ExpertKeysAndCurriculum_ReadsThem()
    {
        var config = TrainingConfig.Load(Write("expert_weight: 0.5\nexpert_every: 3\nexpert_search_moves: 1234\n" + Stages));
        Assert.Equal(0.5, config.ExpertWeight);
        Assert.Equal(3, config.ExpertEvery);
        Assert.Equal(1234, config.ExpertSearchMoves);
        Assert.Equal(2, config.Curriculum.Count);
        Assert.Equal(new CurriculumStage { Steps = 2, NodesMin = 30, NodesMax = 40 }, config.Curriculum[1]);
    }

    [Fact]
    public void Load_MemoryWeight_ReadsItDefaultZero()
    {
        Assert.Equal(1.5, TrainingConfig.Load(Write("memory_weight: 1.5\n")).MemoryWeight);
        Assert.Equal(0, TrainingConfig.Parse("seed: 1\n").MemoryWeight);
    }

    [Fact]
    public void Defaults_ExpertOffNoCurriculum()
    {
        var config = TrainingConfig.Parse("seed: 1\n");
        Assert.Equal(0, config.ExpertWeight);
        Assert.Empty(config.Curriculum);
        Assert.False(config.IsExpertStep(1));
        Assert.Same(config.TrainGraphs, config.TrainGraphsAt(1));
    }

    [Theory]
    [InlineData(1, 10, 20)]
    [InlineData(3, 10, 20)]
    [InlineData(4, 30, 40)]
    [InlineData(5, 30, 40)]
    [InlineData(1000, 30, 40)] // after the last stage its sizes stay
    public void TrainGraphsAt_StepInStage_StageSizesOtherKeysFromTrainGraphs(int step, int min, int max)
    {
        var config = TrainingConfig.Parse("train_graphs:\n  nodes_min: 5\n  nodes_max: 6\n  edge_density: 0.3\n" + Stages);
        var spec = config.TrainGraphsAt(step);
        Assert.Equal((min, max), (spec.NodesMin, spec.NodesMax));
        Assert.Equal(0.3, spec.EdgeDensity);
    }

    [Fact]
    public void IsExpertStep_EveryThird_OnlyMultiples()
    {
        var config = TrainingConfig.Parse("expert_weight: 1\nexpert_every: 3\n");
        Assert.Equal([3, 6, 9], Enumerable.Range(1, 10).Where(config.IsExpertStep));
    }

    [Theory]
    [InlineData("expert_weight: -1\n", "expert_weight")]
    [InlineData("expert_every: 0\n", "expert_every")]
    [InlineData("expert_search_moves: 0\n", "expert_search_moves")]
    [InlineData("memory_weight: -0.5\n", "memory_weight")]
    [InlineData("memory_weight: 2000\n", "memory_weight")]
    [InlineData("curriculum:\n  - steps: 0\n    nodes_min: 10\n    nodes_max: 20\n", "curriculum[0].steps")]
    [InlineData(Stages + "  - steps: 5\n    nodes_min: 50\n    nodes_max: 40\n", "curriculum[2].nodes_min")]
    [InlineData("curriculum:\n  - steps: 5\n    nodes_min: 10\n    nodes_max: 300000\n", "curriculum[0].nodes_min")]
    public void Load_BadExpertOrCurriculumValue_ErrorNamesFileAndKey(string yaml, string key)
    {
        string path = Write(yaml);
        var e = Assert.Throws<TopoformerConfigException>(() => TrainingConfig.Load(path));
        Assert.Equal(key, e.Key);
        Assert.StartsWith($"{path}: bad value for '{key}'", e.Message);
    }

    [Fact]
    public void Load_UnknownKeyInStage_ErrorNamesItAndTheStageKeys()
    {
        string path = Write("curriculum:\n  - steps: 5\n    nodes_mx: 20\n");
        var e = Assert.Throws<TopoformerConfigException>(() => TrainingConfig.Load(path));
        Assert.Equal("nodes_mx", e.Key);
        Assert.Equal(3, e.Line);
        Assert.Contains(path, e.Message);
        Assert.Contains("did you mean 'nodes_max'", e.Message);
    }

    [Fact]
    public void Load_CurriculumNotAList_ErrorNamesKey()
    {
        var e = Assert.Throws<TopoformerConfigException>(() => TrainingConfig.Load(Write("curriculum: 5\n")));
        Assert.Equal("curriculum", e.Key);
    }

    [Fact]
    public void ResumeDifferences_StageChanged_NamesTheStageKey()
    {
        var saved = TrainingConfig.Parse(Stages);
        var changed = saved with { Curriculum = [saved.Curriculum[0], saved.Curriculum[1] with { NodesMax = 50 }] };
        Assert.Equal(["curriculum[1].nodes_max (40 vs 50)"], changed.ResumeDifferences(saved));
        Assert.Equal(["expert_weight (0 vs 0.25)"], (saved with { ExpertWeight = 0.25 }).ResumeDifferences(saved));
        Assert.Empty(TrainingConfig.Parse(Stages).ResumeDifferences(saved));
    }
}
