using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests;

public partial class MemoryModelTests
{
    private static readonly MemoryModelOptions InPlace = MemoryModelOptions.InPlaceReuse;

    [Fact]
    public void Evaluate_InPlaceReluChain_HalvesPeak()
    {
        var g = InPlaceGraphs.ReluChain(6, 100);
        int[] order = [0, 1, 2, 3, 4, 5];
        Assert.Equal(200, MemoryModel.Evaluate(g, order));
        Assert.Equal(100, MemoryModel.Evaluate(g, order, InPlace));
        Assert.Equal(new long[] { 100, 100, 100, 100, 100, 100 }, MemoryModel.Profile(g, order, InPlace));
    }

    [Fact]
    public void Evaluate_InPlaceOff_SameAsDefaultOverload()
    {
        var off = MemoryModelOptions.Default with { ElementWiseOps = MemoryModelOptions.DefaultElementWiseOps };
        for (int seed = 0; seed < 50; seed++)
        {
            var g = InPlaceGraphs.Random(seed);
            var order = Orders.RandomTopological(g, new Random(seed));
            Assert.True(MemoryModel.Evaluate(g, order) == MemoryModel.Evaluate(g, order, off), $"seed {seed}");
            Assert.Equal(MemoryModel.Profile(g, order), MemoryModel.Profile(g, order, MemoryModelOptions.Default));
        }
    }

    [Fact]
    public void Evaluate_InPlaceWithLaterReader_DoesNotClobberTheReader()
    {
        var g = InPlaceGraphs.ReaderAfterRelu();
        // r before m: x is still needed by m at r's step, so r allocates its own 100 bytes.
        Assert.Equal(new long[] { 100, 200, 210 }, MemoryModel.Profile(g, [0, 1, 2], InPlace));
        Assert.Equal(MemoryModel.Profile(g, [0, 1, 2]), MemoryModel.Profile(g, [0, 1, 2], InPlace));
        // m before r: r is x's last reader and takes over its storage.
        Assert.Equal(new long[] { 100, 110, 110 }, MemoryModel.Profile(g, [0, 2, 1], InPlace));
    }

    [Theory]
    [InlineData("Conv", 200)]
    [InlineData("Relu", 100)]
    [InlineData("relu", 100)]
    [InlineData("SiLU", 100)]
    public void Evaluate_InPlace_OnlyElementWiseTypesReuse(string type, long expected)
    {
        var b = new GraphBuilder("types");
        int a = b.AddOp(0, "a", "Conv");
        int x = b.AddOutput(a, 100, "x");
        int v = b.AddOp(1, "v", type);
        b.AddUse(x, v);
        b.AddOutput(v, 100, "y");
        Assert.Equal(expected, MemoryModel.Evaluate(b.Build(), [0, 1], InPlace));
    }

    [Fact]
    public void Evaluate_InPlace_GraphOutputResidentAndOtherSizesDoNotDonate()
    {
        var b = new GraphBuilder("no-donor");
        int w = b.AddGraphInput(100, "w");
        int a = b.AddOp(0, "a", "Conv");
        int kept = b.AddOutput(a, 100, "kept", graphOutput: true);
        int small = b.AddOutput(a, 50, "small");
        int v = b.AddOp(1, "v", "Add");
        b.AddUse(w, v);
        b.AddUse(kept, v);
        b.AddUse(small, v);
        b.AddOutput(v, 100, "y");
        var g = b.Build();
        Assert.Equal(MemoryModel.Evaluate(g, [0, 1]), MemoryModel.Evaluate(g, [0, 1], InPlace));
        Assert.Equal(250, MemoryModel.Evaluate(g, [0, 1], InPlace));
    }

    [Fact]
    public void Execute_InPlaceTwoOutputs_EachDonorLentOnce()
    {
        // One dying input of the right size and two outputs of that size: only one output can take it over.
        var b = new GraphBuilder("lent-once");
        int a = b.AddOp(0, "a", "Conv");
        int x = b.AddOutput(a, 100, "x");
        int v = b.AddOp(1, "v", "Dropout");
        b.AddUse(x, v);
        b.AddOutput(v, 100, "y1");
        b.AddOutput(v, 100, "y2");
        var g = b.Build();
        var sim = new MemorySimulator(g, InPlace);
        sim.Execute(0);
        Assert.Equal(100, sim.ReusedBytes(1));
        Assert.Equal(200, sim.StepBytes(1));
        Assert.Equal(200, sim.FreedBy(1));
        Assert.Equal(200, sim.Execute(1));
        Assert.Equal(0, sim.LiveBytes);
    }

    [Fact]
    public void Evaluate_InPlaceRandomGraphs_MatchesNaiveInPlaceSimulator()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var g = InPlaceGraphs.Random(seed);
            var order = Orders.RandomTopological(g, new Random(seed));
            long naive = NaiveInPlaceSimulator.Peak(g, order, InPlace);
            Assert.True(naive == MemoryModel.Evaluate(g, order, InPlace), $"seed {seed}");
            Assert.True(NaiveSimulator.Peak(g, order) == NaiveInPlaceSimulator.Peak(g, order, MemoryModelOptions.Default), $"off, seed {seed}");
            Assert.True(MemoryModel.Evaluate(g, order, InPlace) <= MemoryModel.Evaluate(g, order), $"reuse never costs, seed {seed}");
        }
    }

    [Fact]
    public void Simulator_InPlaceStepAndFreed_AgreeWithExecute()
    {
        for (int seed = 0; seed < 100; seed++)
        {
            var g = InPlaceGraphs.Random(seed);
            var sim = new MemorySimulator(g, InPlace);
            foreach (int op in TopologicalSort.KahnOrder(g))
            {
                long step = sim.StepBytes(op), after = step - sim.FreedBy(op);
                Assert.True(step == sim.Execute(op), $"seed {seed}, op {op}");
                Assert.True(after == sim.LiveBytes, $"seed {seed}, op {op}");
            }
        }
    }
}
