using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Heuristics;

/// <summary>Properties on seeded random graphs: valid, deterministic, within the bounds.</summary>
public sealed partial class HeuristicCatalogTests
{
    private const int RandomGraphs = 150;

    [Theory]
    [MemberData(nameof(Names))]
    public void Order_RandomDags_ValidDeterministicAndWithinBounds(string name)
    {
        for (int seed = 1; seed <= RandomGraphs; seed++)
        {
            CheckProperties(name, TestData.RandomDag(seed, 200), seed);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Order_RandomGeneralGraphs_ValidDeterministicAndWithinBounds(string name)
    {
        for (int seed = 1; seed <= RandomGraphs; seed++)
        {
            CheckProperties(name, TestGraphs.RandomGeneral(seed, 120), seed);
        }
    }

    private static void CheckProperties(string name, ComputationGraph g, int seed)
    {
        var order = Create(name, seed).Order(g);
        Assert.True(order.Length == g.OpCount, $"{name} seed {seed}: {order.Length} ops for a graph of {g.OpCount}.");
        var seen = new bool[g.OpCount];
        foreach (int op in order)
        {
            Assert.True(op >= 0 && op < g.OpCount && !seen[op], $"{name} seed {seed}: op {op} is out of range or repeated.");
            seen[op] = true;
        }
        var position = TestGraphs.Positions(order);
        for (int u = 0; u < g.OpCount; u++)
        {
            foreach (int w in g.Successors(u))
            {
                Assert.True(position[u] < position[w], $"{name} seed {seed}: edge {u}->{w} runs backwards.");
            }
        }
        Assert.True(order.AsSpan().SequenceEqual(Create(name, seed).Order(g)), $"{name} seed {seed}: not deterministic.");
        long peak = MemoryModel.Evaluate(g, order);
        long bound = MemoryModel.WorkingSetBound(g);
        long total = TestGraphs.NonResidentBytes(g);
        Assert.True(bound <= peak && peak <= total, $"{name} seed {seed}: peak {peak} outside [{bound}, {total}].");
    }

    [Fact]
    public void Run_GreedyDebugHooks_PeakEqualsMemoryModel()
    {
        for (int seed = 1; seed <= RandomGraphs; seed++)
        {
            var g = seed % 2 == 0 ? TestData.RandomDag(seed, 200) : TestGraphs.RandomGeneral(seed, 120);
            var (lpmf, lpmfPeak) = Baselines.Heuristics.LpmfScheduler.Run(g, default);
            Assert.True(MemoryModel.Evaluate(g, lpmf) == lpmfPeak, $"lpmf seed {seed}");
            var (xla, xlaPeak) = Baselines.Heuristics.XlaListScheduler.Run(g, default);
            Assert.True(MemoryModel.Evaluate(g, xla) == xlaPeak, $"xla-list seed {seed}");
        }
    }
}
