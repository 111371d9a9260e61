using Scheduler.Graphs.Generators;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests;

public sealed class GraphAnalysisTests
{
    [Fact]
    public void Bounds_RandomDags_EqualTheMemoryModelsOwn()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var g = TestData.RandomDag(seed, 80);
            var analysis = new GraphAnalysis(g);
            Assert.Equal(MemoryModel.WorkingSetBound(g), analysis.WorkingSetBound);
            Assert.Equal(MemoryModel.CutBound(g), analysis.CutBound);
            Assert.Equal(MemoryModel.LowerBound(g), analysis.LowerBound);
            Assert.False(analysis.CutBoundSkipped);
        }
    }

    [Fact]
    public void CutBound_AboveTheOpLimit_IsSkippedAndFallsBackToTheWorkingSetBound()
    {
        int n = GraphAnalysis.CutBoundOpLimit + 1;
        var sizes = Enumerable.Range(0, n).Select(i => (long)(i % 7 + 1)).ToArray();
        var edges = Enumerable.Range(0, n - 1).Select(i => (i, i + 1)).ToArray();
        var analysis = new GraphAnalysis(ComputationGraph.FromSizes(sizes, edges));
        Assert.True(analysis.CutBoundSkipped);
        Assert.Equal(analysis.WorkingSetBound, analysis.CutBound);
        Assert.Equal(analysis.WorkingSetBound, analysis.LowerBound);
    }

    [Fact]
    public void LowerBound_200kOps_AllocatesLinearlyNotTheClosure()
    {
        // The closure of 200,000 ops would be 2·N²/8 = 10 GB; the skip path must stay within a few bytes per op.
        const int n = 200_000;
        var graph = ErdosRenyiGenerator.Generate(n, 4.0 / n, seed: 3);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var analysis = new GraphAnalysis(graph);
        long bound = analysis.LowerBound;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(analysis.CutBoundSkipped);
        Assert.Equal(MemoryModel.WorkingSetBound(graph), bound);
        Assert.True(allocated < 64L * n, $"{allocated} bytes allocated for {n} ops");
    }

    [Fact]
    public void GetOrAdd_ManyThreads_ComputesOnceAndSharesTheValue()
    {
        var analysis = new GraphAnalysis(TestData.RandomDag(1, 30));
        int calls = 0;
        var values = Enumerable.Range(0, 16).AsParallel().Select(_ => analysis.GetOrAdd("k", _ =>
        {
            Interlocked.Increment(ref calls);
            Thread.Sleep(20);
            return new object();
        })).ToArray();
        Assert.Equal(1, calls);
        Assert.All(values, v => Assert.Same(values[0], v));
    }
}
