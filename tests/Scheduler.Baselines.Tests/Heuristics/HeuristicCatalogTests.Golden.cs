using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Heuristics;

/// <summary>Golden graphs with exact optima, and exhaustive optima on tiny graphs.</summary>
public sealed partial class HeuristicCatalogTests
{
    [Theory]
    [MemberData(nameof(NamesAndGoldenCases))]
    public void Order_GoldenGraph_ValidAndNotBelowOptimum(string name, string golden)
    {
        var c = TestData.GoldenCase(golden);
        var order = Create(name).Order(c.Graph);
        Assert.True(MemoryModel.IsValid(c.Graph, order, out var message), message);
        long peak = MemoryModel.Evaluate(c.Graph, order);
        Assert.True(peak >= c.OptimalPeak, $"{name} on {golden}: peak {peak} below the optimum {c.OptimalPeak}.");
        Assert.True(peak >= c.LowerBound, $"{name} on {golden}: peak {peak} below the lower bound {c.LowerBound}.");
    }

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void Order_GoldenGraph_BfsReproducesBfsPeak(string golden)
    {
        var c = TestData.GoldenCase(golden);
        Assert.Equal(c.BfsPeak, MemoryModel.Evaluate(c.Graph, Create("bfs").Order(c.Graph)));
    }

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void Order_GoldenGraph_InputReproducesInputOrderPeak(string golden)
    {
        var c = TestData.GoldenCase(golden);
        var order = Create("input").Order(c.Graph);
        Assert.Equal(c.InputOrderPeak, MemoryModel.Evaluate(c.Graph, order));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Order_TinyGraphs_NotBelowExhaustiveOptimum(string name)
    {
        for (int seed = 1; seed <= 60; seed++)
        {
            var g = seed % 2 == 0 ? TestData.RandomDag(seed, 8) : TestGraphs.RandomGeneral(seed, 8);
            var order = Create(name, seed).Order(g);
            long peak = MemoryModel.Evaluate(g, order);
            Assert.True(peak == NaiveSimulator.Peak(g, order), $"{name} seed {seed}: model and naive simulator differ.");
            long optimum = NaiveSimulator.OptimalPeak(g);
            Assert.True(peak >= optimum, $"{name} seed {seed}: peak {peak} below the exhaustive optimum {optimum}.");
        }
    }
}
