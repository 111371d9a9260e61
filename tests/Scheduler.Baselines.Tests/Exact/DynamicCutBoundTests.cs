using Scheduler.Baselines.Exact;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Exact;

public sealed class DynamicCutBoundTests
{
    [Fact]
    public void Bound_EveryPrefixOfEveryOrder_NeverExceedsThatOrdersRemainingPeak()
    {
        int tight = 0;
        for (int seed = 0; seed < 150; seed++)
        {
            var graph = seed % 2 == 0 ? TinyGraphs.Random(seed, maxOps: 7) : TestData.RandomDag(seed, maxNodes: 7);
            var bound = new DynamicCutBound(new GraphAnalysis(graph));
            foreach (int[] order in NaiveSimulator.AllOrders(graph).Take(200))
            {
                long[] profile = MemoryModel.Profile(graph, order);
                var sim = new MemorySimulator(graph);
                var scheduled = new bool[graph.OpCount];
                var bits = new ulong[(graph.OpCount + 63) >> 6];
                for (int k = 0; k < order.Length; k++)
                {
                    long remainingPeak = profile.AsSpan(k).ToArray().Max();
                    long b = bound.Bound(sim, scheduled, bits);
                    Assert.True(b <= remainingPeak, $"seed {seed}, prefix {k} of [{string.Join(",", order)}]: {b} > {remainingPeak}");
                    tight += b == remainingPeak ? 1 : 0;
                    sim.Execute(order[k]);
                    scheduled[order[k]] = true;
                    bits[order[k] >> 6] |= 1UL << (order[k] & 63);
                }
            }
        }
        Assert.True(tight > 0, "the bound was never tight, so it proves nothing");
    }

    [Fact]
    public void Bound_AtTheStart_IsTheStaticCutBound_AndNeverFallsBelowItsTermAtAnUnscheduledOp()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var graph = seed % 2 == 0 ? TinyGraphs.Random(seed, maxOps: 9) : TestData.RandomDag(seed, maxNodes: 12);
            var bound = new DynamicCutBound(new GraphAnalysis(graph));
            long[] staticAt = MemoryModel.CutBoundAtSteps(graph, Scheduler.Graphs.Topology.Reachability.Compute(graph), MemoryModelOptions.Default);
            int[] order = NaiveSimulator.AllOrders(graph).First();
            var sim = new MemorySimulator(graph);
            var scheduled = new bool[graph.OpCount];
            var bits = new ulong[(graph.OpCount + 63) >> 6];
            Assert.Equal(MemoryModel.CutBound(graph), bound.Bound(sim, scheduled, bits));
            for (int k = 0; k < order.Length; k++)
            {
                long floor = Enumerable.Range(0, graph.OpCount).Where(v => !scheduled[v]).Select(v => staticAt[v]).DefaultIfEmpty(0).Max();
                Assert.True(bound.Bound(sim, scheduled, bits) >= floor, $"seed {seed}, prefix {k}");
                sim.Execute(order[k]);
                scheduled[order[k]] = true;
                bits[order[k] >> 6] |= 1UL << (order[k] & 63);
            }
        }
    }
}
