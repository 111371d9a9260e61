using Scheduler.Graphs.Generators;
using Scheduler.Topoformer.Training;

namespace Scheduler.Topoformer.Tests;

public partial class TrainerTests
{
    private static List<TrainingGraph> Batch(TopoformerOptions options)
    {
        var batch = new List<TrainingGraph>();
        for (int seed = 1; seed <= 3; seed++)
        {
            var graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: 25), seed);
            batch.Add(new TrainingGraph(graph, options, TrainingGraph.TeacherFunction("best-simple")));
        }
        return batch;
    }

    [Fact]
    public void ImitationStep_FixedToyBatch_LossGoesDown()
    {
        var config = new TrainingConfig { Model = Toy.Options, LearningRate = 3e-3 };
        using var network = Toy.Network(11);
        using var trainer = new Trainer(config, network, TorchSharp.torch.CPU);
        var batch = Batch(config.Model);
        double first = trainer.ImitationStep(batch).Loss;
        double last = first;
        for (int i = 0; i < 15; i++)
        {
            last = trainer.ImitationStep(batch).Loss;
        }
        Assert.True(last < first * 0.9, $"loss {first} -> {last}");
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("rollout")]
    public void ReinforceStep_ToyBatch_FiniteMetricsAndCostsAboveBound(string baseline)
    {
        var config = new TrainingConfig { Model = Toy.Options, Baseline = baseline, SamplesPerGraph = 4 };
        using var network = Toy.Network(12);
        using var trainer = new Trainer(config, network, TorchSharp.torch.CPU);
        var metrics = trainer.ReinforceStep(Batch(config.Model), new Random(1));
        Assert.True(double.IsFinite(metrics.Loss) && double.IsFinite(metrics.GradNorm), metrics.ToString());
        Assert.True(metrics.SampleCost >= 1 && metrics.GreedyCost >= 1 && metrics.BaselineCost >= 1, metrics.ToString());
    }

    [Fact]
    public void ReinforceStep_ChangesTheWeights()
    {
        var config = new TrainingConfig { Model = Toy.Options, SamplesPerGraph = 4, LearningRate = 1e-2 };
        using var network = Toy.Network(13);
        using var trainer = new Trainer(config, network, TorchSharp.torch.CPU);
        var batch = Batch(config.Model);
        float[] before = network.Priorities(batch[0].Encoding);
        trainer.ReinforceStep(batch, new Random(2));
        Assert.NotEqual(before, network.Priorities(batch[0].Encoding));
    }
}
