using Scheduler.Graphs;
using Scheduler.Testing;
using Scheduler.Topoformer.Decoding;

namespace Scheduler.Topoformer.Tests;

public class PriorityDecoderTests
{
    public static IEnumerable<object[]> Modes() => Enum.GetValues<DecodeMode>().Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(Modes))]
    public void Decode_RandomDags_ValidOrders(DecodeMode mode)
    {
        for (int seed = 1; seed <= 40; seed++)
        {
            var graph = TestData.RandomDag(seed, 80);
            var random = new Random(seed);
            var priorities = Enumerable.Range(0, graph.OpCount).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
            int[] order = PriorityDecoder.Decode(graph, priorities, mode, random);
            Assert.True(MemoryModel.IsValid(graph, order, out string? why), $"seed {seed}, {mode}: {why}");
        }
    }

    [Fact]
    public void Decode_GreedyEqualPriorities_TiesBreakByInputOrder()
    {
        var order = PriorityDecoder.Decode(Toy.Edgeless(5), new float[5], DecodeMode.Greedy, new Random(1));
        Assert.Equal([0, 1, 2, 3, 4], order);
    }

    [Fact]
    public void Decode_Greedy_HighestReadyPriorityFirst()
    {
        // Diamond: after 0, op 2 (priority 5) beats op 1 (priority 1); 3 waits for both.
        var order = PriorityDecoder.Decode(Toy.Diamond(), [0, 1, 5, 9], DecodeMode.Greedy, new Random(1));
        Assert.Equal([0, 2, 1, 3], order);
    }

    [Fact]
    public void Decode_SampleWithDominantLogit_PicksItFirst()
    {
        var order = PriorityDecoder.Decode(Toy.Edgeless(4), [0, 0, 50, 0], DecodeMode.Sample, new Random(3));
        Assert.Equal(2, order[0]);
    }

    [Fact]
    public void Decode_WrongPriorityCount_Throws()
        => Assert.Throws<ArgumentException>(() => PriorityDecoder.Decode(Toy.Diamond(), new float[3], DecodeMode.Greedy, new Random(1)));

    [Theory]
    [InlineData(DecodeMode.Sample)]
    [InlineData(DecodeMode.Perturbed)]
    [InlineData(DecodeMode.StochasticBeam)]
    public void BestOf_RandomDags_ValidAndNeverWorseThanGreedy(DecodeMode mode)
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var graph = TestData.RandomDag(seed, 60);
            var random = new Random(seed);
            var priorities = Enumerable.Range(0, graph.OpCount).Select(_ => (float)random.NextDouble()).ToArray();
            int[] best = PriorityDecoder.BestOf(graph, priorities, 8, mode, seed);
            long greedy = MemoryModel.Evaluate(graph, PriorityDecoder.Decode(graph, priorities, DecodeMode.Greedy, random));
            Assert.True(MemoryModel.Evaluate(graph, best) <= greedy, $"seed {seed}");
            Assert.Equal(best, PriorityDecoder.BestOf(graph, priorities, 8, mode, seed)); // same seed, same order
        }
    }
}
