using Scheduler.Topoformer.Training;

namespace Scheduler.Topoformer.Tests;

/// <summary>Training the memory-aware policy (<c>memory_weight</c> &gt; 0): the step is deterministic, changes the update
/// against the paper's policy, and the key parses and is range-checked.</summary>
public partial class TrainerTests
{
    private static TrainingConfig MemoryAwareConfig(double weight) => new()
    {
        Model = Toy.Options, SamplesPerGraph = 4, LearningRate = 1e-2, MemoryWeight = weight,
    };

    private static float[] StepThenPriorities(double weight, bool expert)
    {
        using var network = Toy.Network(31);
        using var trainer = new Trainer(MemoryAwareConfig(weight) with { ExpertWeight = expert ? 0.5 : 0, ExpertSearchMoves = 2_000 }, network, TorchSharp.torch.CPU);
        var batch = Batch(Toy.Options);
        var metrics = trainer.ReinforceStep(batch, new Random(7), expert);
        Assert.True(double.IsFinite(metrics.Loss) && double.IsFinite(metrics.GradNorm), metrics.ToString());
        trainer.ReinforceStep(batch, new Random(8), expert);
        return network.Priorities(batch[0].Encoding);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReinforceStep_MemoryAware_SameSeedSameWeights(bool expert)
        => Assert.Equal(StepThenPriorities(1, expert), StepThenPriorities(1, expert));

    [Fact]
    public void ReinforceStep_MemoryAware_ChangesTheUpdate()
        => Assert.NotEqual(StepThenPriorities(0, expert: false), StepThenPriorities(1, expert: false));

    [Fact]
    public void ImitationStep_MemoryAware_FiniteAndDifferentFromPaperPolicy()
    {
        float[] Run(double weight)
        {
            using var network = Toy.Network(32);
            using var trainer = new Trainer(MemoryAwareConfig(weight), network, TorchSharp.torch.CPU);
            var batch = Batch(Toy.Options);
            var metrics = trainer.ImitationStep(batch);
            Assert.True(double.IsFinite(metrics.Loss), metrics.ToString());
            return network.Priorities(batch[0].Encoding);
        }
        Assert.NotEqual(Run(0), Run(2));
    }
}
