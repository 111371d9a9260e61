using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests;

public partial class MemoryModelTests
{
    private static readonly MemoryModelOptions ViewsOnly = MemoryModelOptions.Parse("views")!;
    private static readonly MemoryModelOptions InPlaceViews = MemoryModelOptions.Parse("in-place+views")!;

    public static TheoryData<string> ModelNames() => new(MemoryModelOptions.Names);

    [Fact]
    public void Evaluate_ReshapeChain_ViewsShareTheSourceBufferUntilTheLastAliasRead()
    {
        var g = ViewGraphs.ReshapeChain();
        int[] order = [0, 1, 2, 3, 4];
        // Default: each reshape is a copy (x, v1, v2 all live at r2's step).
        Assert.Equal(new long[] { 100, 200, 300, 300, 300 }, MemoryModel.Profile(g, order));
        // Views: the reshapes allocate nothing; x's buffer stays live for v2's reader and the final Add.
        Assert.Equal(new long[] { 100, 100, 100, 200, 300 }, MemoryModel.Profile(g, order, ViewsOnly));
        // With in-place too: the Relu cannot overwrite x (the Add still reads it through x), the Add overwrites y.
        Assert.Equal(new long[] { 100, 100, 100, 200, 200 }, MemoryModel.Profile(g, order, InPlaceViews));
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Evaluate_EveryOption_MatchesNaiveStorageSimulator(string name)
    {
        var options = MemoryModelOptions.Parse(name)!;
        for (int seed = 0; seed < 300; seed++)
        {
            var g = seed % 3 == 0 ? InPlaceGraphs.Random(seed) : ViewGraphs.Random(seed);
            var order = Orders.RandomTopological(g, new Random(seed));
            long naive = NaiveStorageSimulator.Peak(g, order, options);
            Assert.True(naive == MemoryModel.Evaluate(g, order, options), $"seed {seed}, {name}: naive {naive}, model {MemoryModel.Evaluate(g, order, options)}");
        }
    }

    [Fact]
    public void NaiveStorageSimulator_DefaultOptions_EqualsTheNaiveSimulator()
    {
        for (int seed = 0; seed < 100; seed++)
        {
            var g = ViewGraphs.Random(seed);
            var order = Orders.RandomTopological(g, new Random(seed));
            Assert.True(NaiveSimulator.Peak(g, order) == NaiveStorageSimulator.Peak(g, order, MemoryModelOptions.Default), $"seed {seed}");
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Simulator_EveryOption_PreviewsAgreeWithExecute(string name)
    {
        var options = MemoryModelOptions.Parse(name)!;
        for (int seed = 0; seed < 150; seed++)
        {
            var g = ViewGraphs.Random(seed);
            var sim = new MemorySimulator(g, options);
            foreach (int v in Orders.RandomTopological(g, new Random(seed)))
            {
                long step = sim.StepBytes(v), after = step - sim.FreedBy(v);
                Assert.True(step == sim.Execute(v), $"seed {seed}, {name}, op {v}: step");
                Assert.True(after == sim.LiveBytes, $"seed {seed}, {name}, op {v}: live after");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void LowerBounds_EveryOption_NeverAboveTheExhaustiveOptimum(string name)
    {
        var options = MemoryModelOptions.Parse(name)!;
        int tight = 0, closureTight = 0;
        for (int seed = 0; seed < 120; seed++)
        {
            var g = seed % 2 == 0 ? ViewGraphs.Random(seed, 7) : InPlaceGraphs.Random(seed, 7);
            long optimum = NaiveStorageSimulator.OptimalPeak(g, options);
            var analysis = new GraphAnalysis(g, options);
            long ws = MemoryModel.WorkingSetBound(g, options), cut = MemoryModel.CutBound(g, Reachability.Compute(g), options);
            long closure = analysis.ClosureBound;
            Assert.True(ws <= optimum && cut <= optimum && closure <= optimum,
                $"seed {seed}, {name}: working set {ws}, cut {cut}, closure {closure}, optimum {optimum}");
            Assert.True(closure >= cut, $"seed {seed}, {name}: closure {closure} below cut {cut}");
            Assert.Equal(Math.Max(ws, closure), MemoryModel.LowerBound(g, options));
            Assert.Equal(Math.Max(ws, closure), analysis.LowerBound);
            Assert.Equal(Math.Max(ws, cut), analysis.CutLowerBound);
            tight += cut == optimum ? 1 : 0;
            closureTight += Math.Max(ws, closure) == optimum ? 1 : 0;
        }
        // Not vacuous bounds: the cut bound meets the optimum on a good share of these graphs, the closure bound on more.
        Assert.True(closureTight > tight, $"{name}: closure bound tight on {closureTight} of 120, cut bound on {tight}");
        Assert.True(tight >= 30, $"{name}: tight on only {tight} of 120");
    }

    [Fact]
    public void LowerBounds_DefaultOptions_EqualTheDefaultOverloads()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var g = ViewGraphs.Random(seed);
            Assert.Equal(MemoryModel.WorkingSetBound(g), MemoryModel.WorkingSetBound(g, MemoryModelOptions.Default));
            Assert.Equal(MemoryModel.LowerBound(g), MemoryModel.LowerBound(g, MemoryModelOptions.Default));
        }
    }

    [Fact]
    public void Options_NamesParseAndRoundTrip()
    {
        Assert.Equal(MemoryModelOptions.Names, MemoryModelOptions.All.Select(o => o.Name));
        foreach (var o in MemoryModelOptions.All)
        {
            Assert.Equal(o, MemoryModelOptions.Parse(o.Name));
        }
        Assert.Null(MemoryModelOptions.Parse("inplace"));
        Assert.True(MemoryModelOptions.Default.IsDefault);
        Assert.DoesNotContain("Transpose", MemoryModelOptions.DefaultViewOps);
        Assert.Contains("transpose", MemoryModelOptions.ViewOpsWithTranspose);
    }

    [Fact]
    public void ArenaPlanner_Views_PlansPassTheContractAndMeetTheLiveBound()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var g = ViewGraphs.Random(seed);
            var order = Orders.RandomTopological(g, new Random(seed));
            foreach (var options in MemoryModelOptions.All)
            {
                var plan = ArenaPlanner.Plan(g, order, options);
                long peak = MemoryModel.Evaluate(g, order, options);
                Assert.True(plan.ArenaBytes >= peak, $"seed {seed}, {options.Name}: arena {plan.ArenaBytes} below peak {peak}");
                var problem = ArenaPlanner.Problem(g, order, options);
                long blocks = 0;
                for (int step = 0; step < problem.Steps; step++)
                {
                    long live = 0;
                    for (int k = 0; k < problem.Count; k++)
                    {
                        live += problem.First[k] <= step && step <= problem.Last[k] ? problem.Size[k] : 0;
                    }
                    blocks = Math.Max(blocks, live);
                }
                Assert.True(blocks == peak, $"seed {seed}, {options.Name}: the blocks' live bytes {blocks} differ from the model's peak {peak}");
            }
        }
    }

    [Fact]
    public void Build_AliasOfATensorTheOpDoesNotRead_IsRefused()
    {
        var b = new GraphBuilder("bad");
        int a = b.AddOp(0, "a");
        int x = b.AddOutput(a, 10, "x");
        int c = b.AddOp(1, "c");
        int y = b.AddOutput(c, 10, "y");
        b.MarkAlias(y, x);
        var ex = Assert.Throws<GraphFormatException>(() => b.Build());
        Assert.Contains("node 1 does not consume", ex.Message);
    }
}
