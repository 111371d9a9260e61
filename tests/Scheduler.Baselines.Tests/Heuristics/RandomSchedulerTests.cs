using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;
using Scheduler.Graphs.Generators;

namespace Scheduler.Baselines.Tests.Heuristics;

public sealed class RandomSchedulerTests
{
    private static readonly ComputationGraph Wide = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: 120), 3);

    [Fact]
    public void Order_DifferentSeeds_GiveDifferentOrders()
    {
        var first = new RandomScheduler(seed: 1).Order(Wide);
        var second = new RandomScheduler(seed: 2).Order(Wide);
        Assert.False(first.AsSpan().SequenceEqual(second));
    }

    [Fact]
    public void Order_BestOfMany_NotWorseThanItsFirstSample()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            long single = MemoryModel.Evaluate(Wide, new RandomScheduler(seed, samples: 1).Order(Wide));
            long best = MemoryModel.Evaluate(Wide, new RandomScheduler(seed, samples: 16).Order(Wide));
            Assert.True(best <= single, $"seed {seed}: best of 16 peaks at {best}, its first sample at {single}.");
        }
    }

    [Fact]
    public void Constructor_ZeroSamples_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomScheduler(0, samples: 0));
    }
}
