using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests;

public class ArenaPlannerTests
{
    private static readonly MemoryModelOptions[] Models = [MemoryModelOptions.Default, MemoryModelOptions.InPlaceReuse];

    [Fact]
    public void Plan_Chain_ArenaEqualsPeak()
    {
        var g = ComputationGraph.FromSizes([5, 7, 3, 7, 5], [(0, 1), (1, 2), (2, 3), (3, 4)]);
        var plan = ArenaPlanner.Plan(g, [0, 1, 2, 3, 4]);
        Assert.Equal(12, plan.PeakBytes);
        Assert.Equal(12, plan.ArenaBytes);
        Assert.Equal(0, plan.Fragmentation);
    }

    [Fact]
    public void Plan_InPlaceReluChain_HalvesArenaToOneBuffer()
    {
        var g = InPlaceGraphs.ReluChain(5, 64);
        int[] order = [0, 1, 2, 3, 4];
        var plain = ArenaPlanner.Plan(g, order, MemoryModelOptions.Default);
        var inPlace = ArenaPlanner.Plan(g, order, MemoryModelOptions.InPlaceReuse);
        Assert.Equal(128, plain.ArenaBytes);
        Assert.Equal(64, inPlace.ArenaBytes);
        Assert.Single(inPlace.Buffers);
        Assert.Equal(new ArenaBuffer(0, 64, 0, 4), inPlace.Buffers[0]);
    }

    [Fact]
    public void Plan_InPlaceWithLaterReader_ReaderInputKeepsItsOwnBytes()
    {
        var g = InPlaceGraphs.ReaderAfterRelu();
        int x = g.Outputs(0)[0], y = g.Outputs(1)[0];
        var early = ArenaPlanner.Plan(g, [0, 1, 2], MemoryModelOptions.InPlaceReuse);
        Assert.NotEqual(early.TensorBuffers[x], early.TensorBuffers[y]);
        Assert.NotEqual(early.TensorOffset(x), early.TensorOffset(y));
        var late = ArenaPlanner.Plan(g, [0, 2, 1], MemoryModelOptions.InPlaceReuse);
        Assert.Equal(late.TensorBuffers[x], late.TensorBuffers[y]);
    }

    [Fact]
    public void Plan_ResidentAndUnreadFreeableInputs_TakeNoArenaSpace()
    {
        var b = new GraphBuilder("inputs");
        int w = b.AddGraphInput(1000, "w");
        int unread = b.AddGraphInput(500, "unread", freeable: true);
        int x = b.AddGraphInput(40, "x", freeable: true);
        int a = b.AddOp(0, "a");
        b.AddUse(w, a);
        b.AddUse(x, a);
        int y = b.AddOutput(a, 8, "y", graphOutput: true);
        var g = b.Build();
        var plan = ArenaPlanner.Plan(g, [0]);
        Assert.Equal(-1, plan.TensorOffset(w));
        Assert.Equal(-1, plan.TensorOffset(unread));
        Assert.True(plan.TensorOffset(x) >= 0 && plan.TensorOffset(y) >= 0);
        Assert.Equal(48, plan.ArenaBytes);
    }

    [Fact]
    public void Plan_RandomGraphs_NoOverlapArenaAtLeastPeakPeakMatchesModel()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var g = seed % 3 == 0 ? TestData.RandomDag(seed, 40) : InPlaceGraphs.Random(seed);
            var order = Orders.RandomTopological(g, new Random(seed));
            foreach (var options in Models)
            {
                var plan = ArenaPlanner.Plan(g, order, options);
                string where = $"seed {seed}, {options.Name}";
                Assert.True(plan.PeakBytes == MemoryModel.Evaluate(g, order, options), where);
                Assert.True(MemoryModel.Profile(g, order, options).SequenceEqual(LiveBufferBytes(plan, order.Length)), where);
                Assert.True(plan.ArenaBytes >= plan.PeakBytes, where);
                CheckTensors(g, order, plan, where);
                ArenaChecks.NoOverlap(plan.Buffers, plan.ArenaBytes, where);
            }
        }
    }

    [Fact]
    public void Plan_GoldenCases_InputOrderPeakMatchesAndNoOverlap()
    {
        foreach (var c in TestData.GoldenCases)
        {
            var order = Enumerable.Range(0, c.Graph.OpCount).ToArray();
            var plan = ArenaPlanner.Plan(c.Graph, order);
            Assert.True(plan.PeakBytes == c.InputOrderPeak, c.Name);
            ArenaChecks.NoOverlap(plan.Buffers, plan.ArenaBytes, c.Name);
        }
    }

    [Fact]
    public void Plan_InvalidOrder_Throws()
    {
        var g = ComputationGraph.FromSizes([1, 1], [(0, 1)]);
        Assert.Throws<InvalidScheduleException>(() => ArenaPlanner.Plan(g, [1, 0]));
    }

    /// <summary>Brute force: the bytes of the buffers live at each step.</summary>
    private static long[] LiveBufferBytes(ArenaPlan plan, int steps)
    {
        var live = new long[steps];
        foreach (var b in plan.Buffers)
        {
            for (int step = b.FirstStep; step <= b.LastStep; step++)
            {
                live[step] += b.Size;
            }
        }
        return live;
    }

    /// <summary>Each tensor's own naive lifetime lies inside its buffer, and two tensors share a buffer only when one
    /// took over the other's storage at the other's last reader.</summary>
    private static void CheckTensors(ComputationGraph g, int[] order, ArenaPlan plan, string where)
    {
        var pos = new int[g.OpCount];
        for (int i = 0; i < order.Length; i++)
        {
            pos[order[i]] = i;
        }
        var storage = NaiveInPlaceSimulator.Storages(g, order, pos, plan.Options);
        for (int t = 0; t < g.TensorCount; t++)
        {
            int b = plan.TensorBuffers[t];
            for (int step = 0; step < order.Length; step++)
            {
                if (!g.IsResident(t) && NaiveInPlaceSimulator.IsLive(g, t, step, pos))
                {
                    Assert.True(b >= 0 && plan.Buffers[b].FirstStep <= step && step <= plan.Buffers[b].LastStep, $"{where}: tensor {t} step {step}");
                    Assert.Equal(g.TensorSize(t), plan.Buffers[b].Size);
                }
            }
            for (int u = 0; u < t && b >= 0; u++)
            {
                Assert.True((plan.TensorBuffers[u] == b) == (storage[u] == storage[t]), $"{where}: tensors {u} and {t}");
            }
        }
    }
}
