using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests.Topology;

public sealed class ReadyListTests
{
    [Fact]
    public void Order_KeyedByIndex_MatchesNaiveSmallestReadyOp()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var graph = TestData.RandomDag(seed, 80);
            Assert.True(NaiveSmallestFirst(graph).SequenceEqual(ReadyList<int>.Order(graph, v => v)), $"seed {seed}");
        }
    }

    [Fact]
    public void Order_KeyedByReversedIndex_ValidAndPrefersHighIndex()
    {
        var graph = ComputationGraph.FromSizes([1, 1, 1, 1], [(0, 3)]);
        Assert.Equal([2, 1, 0, 3], ReadyList<int>.Order(graph, v => -v));
    }

    [Fact]
    public void Rekey_ReadyOp_PopsByItsNewKey()
    {
        var graph = ComputationGraph.FromSizes([1, 1, 1], []);
        var key = new[] { 0, 1, 2 };
        var ready = new ReadyList<int>(graph, v => key[v]);
        key[2] = -1;
        ready.Rekey(2);
        Assert.Equal(3, ready.Count);
        Assert.Equal(2, ready.Pop());
        ready.Release(2);
        Assert.False(ready.IsReady(2));
        Assert.Equal(0, ready.Pop());
        Assert.Equal(1, ready.Pop());
        Assert.Equal(0, ready.Count);
    }

    [Fact]
    public void Release_KeysNewlyReadyOpsWhenReleased()
    {
        // 0 -> 2 <- 1: op 2's key is read when 1 is released, after the caller has updated the state it reads.
        var graph = ComputationGraph.FromSizes([1, 1, 1], [(0, 2), (1, 2)]);
        int stepsRun = 0, keyOfTwo = -1;
        var ready = new ReadyList<int>(graph, v =>
        {
            keyOfTwo = v == 2 ? stepsRun : keyOfTwo;
            return v;
        });
        for (int step = 0; step < 3; step++)
        {
            int op = ready.Pop();
            stepsRun++;
            ready.Release(op);
        }
        Assert.Equal(2, keyOfTwo);
    }

    [Fact]
    public void Tracker_RunNotReadyOrTwice_ThrowsNamingTheOp()
    {
        var graph = ComputationGraph.FromSizes([1, 1], [(0, 1)]);
        var tracker = new ReadyTracker(graph);
        Assert.Equal([0], tracker.Sources.ToArray());
        Assert.Contains("Op 1 is not ready", Assert.Throws<InvalidOperationException>(() => tracker.Run(1)).Message);
        Assert.Equal([1], tracker.Run(0).ToArray());
        Assert.True(tracker.HasRun(0));
        Assert.Contains("already run", Assert.Throws<InvalidOperationException>(() => tracker.Run(0)).Message);
    }

    private static int[] NaiveSmallestFirst(ComputationGraph graph)
    {
        int n = graph.OpCount;
        var done = new bool[n];
        var order = new int[n];
        for (int step = 0; step < n; step++)
        {
            int pick = Enumerable.Range(0, n).First(v => !done[v] && graph.Predecessors(v).ToArray().All(p => done[p]));
            done[pick] = true;
            order[step] = pick;
        }
        return order;
    }
}
