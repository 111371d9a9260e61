using Scheduler.Graphs;
using Scheduler.Graphs.Generators;
using Scheduler.Topoformer.Decoding;
using Scheduler.Topoformer.Training;

namespace Scheduler.Topoformer.Tests;

/// <summary>Expert iteration's step: the improved target is never worse than its start, and the step is
/// deterministic (same weights, batch and seed give the same weights after it).</summary>
public partial class TrainerTests
{
    private static TrainingConfig ExpertConfig => new()
    {
        Model = Toy.Options, SamplesPerGraph = 4, LearningRate = 1e-2, ExpertWeight = 0.5, ExpertSearchMoves = 2_000,
    };

    [Fact]
    public void ExpertSearch_FromPolicySamples_NeverWorseThanTheStart()
    {
        using var network = Toy.Network(21);
        foreach (int seed in new[] { 1, 2, 3, 4, 5 })
        {
            var graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: 40), seed);
            var item = new TrainingGraph(graph, Toy.Options, TrainingGraph.TeacherFunction("kahn"));
            int[] start = PriorityDecoder.Decode(graph, network.Priorities(item.Encoding), DecodeMode.Sample, new Random(seed));
            var (target, capped) = ExpertSearch.Improve(item.Analysis, start, 2_000, seed);
            Assert.False(capped, $"seed {seed}");
            MemoryModel.Validate(graph, target);
            Assert.True(item.Cost(target) <= item.Cost(start), $"seed {seed}: target {item.Cost(target)} above its start {item.Cost(start)}");
        }
    }

    [Fact]
    public void ReinforceStep_Expert_MetricsShowTargetNoWorseThanBestSample()
    {
        using var network = Toy.Network(22);
        using var trainer = new Trainer(ExpertConfig, network, TorchSharp.torch.CPU);
        var metrics = trainer.ReinforceStep(Batch(Toy.Options), new Random(3), expert: true);
        Assert.True(double.IsFinite(metrics.Loss) && double.IsFinite(metrics.GradNorm), metrics.ToString());
        Assert.NotNull(metrics.ExpertCost);
        Assert.True(metrics.ExpertCost <= metrics.BestSampleCost && metrics.BestSampleCost <= metrics.SampleCost, metrics.ToString());
    }

    [Fact]
    public void ReinforceStep_Expert_SameSeedSameWeights()
    {
        float[] Run()
        {
            using var network = Toy.Network(23);
            using var trainer = new Trainer(ExpertConfig, network, TorchSharp.torch.CPU);
            var batch = Batch(Toy.Options);
            trainer.ReinforceStep(batch, new Random(4), expert: true);
            trainer.ReinforceStep(batch, new Random(5), expert: true);
            return network.Priorities(batch[0].Encoding);
        }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void ReinforceStep_ExpertTerm_ChangesTheUpdate()
    {
        float[] Run(bool expert)
        {
            using var network = Toy.Network(24);
            using var trainer = new Trainer(ExpertConfig, network, TorchSharp.torch.CPU);
            var batch = Batch(Toy.Options);
            trainer.ReinforceStep(batch, new Random(6), expert);
            return network.Priorities(batch[0].Encoding);
        }
        Assert.NotEqual(Run(false), Run(true));
    }
}
