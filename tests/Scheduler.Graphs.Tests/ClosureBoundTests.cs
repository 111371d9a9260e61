using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests;

/// <summary>
/// The closure bound against brute force on tiny graphs: every predecessor-closed set X that v could run after is
/// enumerated and v's step simulated after X. The bound's term is the least of those steps under the plain model (any
/// such X is realisable: run X, then v) and at most it under every option.
/// </summary>
public sealed class ClosureBoundTests
{
    public static TheoryData<string> ModelNames() => new(MemoryModelOptions.Names);

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void AtStep_TinyGraphs_MatchesTheLeastStepOverEveryEarlierSet(string name)
    {
        var options = MemoryModelOptions.Parse(name)!;
        for (int seed = 0; seed < 120; seed++)
        {
            var g = seed % 2 == 0 ? InPlaceGraphs.Random(seed, 9) : ViewGraphs.Random(seed, 9);
            var reach = Reachability.Compute(g);
            var bound = new ClosureBound(g, reach, options);
            var downSets = DownSets(g);
            foreach (var scheduled in downSets.Where((_, i) => i % 3 == 0).Prepend(0UL))
            {
                for (int v = 0; v < g.OpCount; v++)
                {
                    if (Has(scheduled, v) || Descends(reach, v, scheduled))
                    {
                        continue;
                    }
                    long least = LeastStep(g, options, reach, downSets, scheduled, v);
                    long term = bound.AtStep(v, scheduled == 0 ? [] : [scheduled]);
                    string where = $"seed {seed}, {name}, op {v}, scheduled {scheduled:X}";
                    if (options.IsDefault)
                    {
                        Assert.True(least == term, $"{where}: bound {term}, least step {least}");
                    }
                    else
                    {
                        Assert.True(term <= least, $"{where}: bound {term} above the least step {least}");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void AtStep_RandomDags_AtLeastTheCutTerm(string name)
    {
        var options = MemoryModelOptions.Parse(name)!;
        for (int seed = 0; seed < 30; seed++)
        {
            var g = seed % 3 == 0 ? TestData.RandomDag(seed, 60) : ViewGraphs.Random(seed, 40);
            var analysis = new GraphAnalysis(g, options);
            var bound = new ClosureBound(g, analysis.Reachability, options);
            for (int v = 0; v < g.OpCount; v++)
            {
                Assert.True(bound.AtStep(v) >= analysis.CutBoundAtSteps[v], $"seed {seed}, {name}, op {v}");
                Assert.Equal(bound.AtStep(v), analysis.ClosureBoundAtSteps[v]);
            }
            Assert.True(analysis.LowerBound >= analysis.CutLowerBound);
            var order = Orders.RandomTopological(g, new Random(seed));
            Assert.True(MemoryModel.Evaluate(g, order, options) >= analysis.LowerBound, $"seed {seed}, {name}");
        }
    }

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void LowerBound_Golden_BetweenTheCutBoundAndTheOptimum(string name)
    {
        var c = TestData.GoldenCase(name);
        var analysis = new GraphAnalysis(c.Graph);
        Assert.InRange(analysis.ClosureBound, analysis.CutBound, c.OptimalPeak);
        Assert.Equal(analysis.ClosureBound, analysis.LowerBound);
    }

    [Fact]
    public void ClosureBound_ForkWithLateReader_CountsWhatEveryEarlierSetMustHold()
    {
        // a makes x (100) and y (100); b reads x; c reads y; d reads b's and c's outputs. At b's step y is not forced
        // (c could run first, but c makes z, 100 bytes, held for d), so every set before b holds 100 more than the
        // cut bound counts: x, b's output, and y or z.
        var builder = new GraphBuilder("fork");
        int a = builder.AddOp(0, "a");
        int x = builder.AddOutput(a, 100, "x");
        int y = builder.AddOutput(a, 100, "y");
        int b = builder.AddOp(1, "b");
        builder.AddUse(x, b);
        int u = builder.AddOutput(b, 100, "u");
        int c = builder.AddOp(2, "c");
        builder.AddUse(y, c);
        int z = builder.AddOutput(c, 100, "z");
        int d = builder.AddOp(3, "d");
        builder.AddUse(u, d);
        builder.AddUse(z, d);
        builder.AddOutput(d, 10, "out");
        var g = builder.Build();
        var analysis = new GraphAnalysis(g);
        Assert.Equal(200, analysis.CutBoundAtSteps[b]);
        Assert.Equal(300, analysis.ClosureBoundAtSteps[b]);
        Assert.Equal(300, analysis.LowerBound);
        Assert.Equal(300, MemoryModel.Evaluate(g, [a, b, c, d]));
    }

    [Fact]
    public void ClosureBound_OverTheWorkLimit_KeepsCutTermsAndSaysPartial()
    {
        var g = Scheduler.Graphs.Generators.LayeredGraphGenerator.Generate(new(Nodes: 3000), 5);
        var analysis = new GraphAnalysis(g);
        Assert.True(analysis.ClosureBoundPartial);
        int kept = 0;
        for (int v = 0; v < g.OpCount; v++)
        {
            Assert.True(analysis.ClosureBoundAtSteps[v] >= analysis.CutBoundAtSteps[v]);
            kept += analysis.ClosureBoundAtSteps[v] == analysis.CutBoundAtSteps[v] ? 1 : 0;
        }
        Assert.True(kept > 0);
        Assert.True(analysis.ClosureBound >= analysis.CutBound);
    }

    private static bool Has(ulong set, int op) => (set & (1UL << op)) != 0;

    private static bool Descends(Reachability reach, int op, ulong set)
        => reach.Descendants(op).Ones().Any(u => Has(set, u));

    /// <summary>Every predecessor-closed set of ops, as bits.</summary>
    private static List<ulong> DownSets(ComputationGraph g)
    {
        var sets = new List<ulong>();
        for (ulong s = 0; s < 1UL << g.OpCount; s++)
        {
            bool closed = true;
            for (int v = 0; v < g.OpCount && closed; v++)
            {
                if (Has(s, v))
                {
                    foreach (int p in g.Predecessors(v))
                    {
                        closed &= Has(s, p);
                    }
                }
            }
            if (closed)
            {
                sets.Add(s);
            }
        }
        return sets;
    }

    /// <summary>The least step of <paramref name="v"/> over every down-set X ⊇ scheduled that holds v's ancestors and
    /// neither v nor a descendant: X run in a topological order, then v, by the model's simulator.</summary>
    private static long LeastStep(ComputationGraph g, MemoryModelOptions options, Reachability reach, List<ulong> downSets, ulong scheduled, int v)
    {
        long least = long.MaxValue;
        var order = TopologicalSort.KahnOrder(g);
        foreach (ulong x in downSets)
        {
            if ((x & scheduled) != scheduled || Has(x, v) || Descends(reach, v, x) || reach.Ancestors(v).Ones().Any(a => !Has(x, a)))
            {
                continue;
            }
            var sim = new MemorySimulator(g, options);
            foreach (int u in order)
            {
                if (Has(x, u))
                {
                    sim.Execute(u);
                }
            }
            least = Math.Min(least, sim.StepBytes(v));
        }
        return least;
    }
}
