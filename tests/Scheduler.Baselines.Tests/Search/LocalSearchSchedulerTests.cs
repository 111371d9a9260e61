using Scheduler.Baselines.Search;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Search;

public sealed class LocalSearchSchedulerTests
{
    // The evaluation budget, not the clock, ends every search here, so results are deterministic.
    private const long Budget = 20_000;

    private static readonly SchedulerSettings Generous = new(Seed: 3, TimeLimit: TimeSpan.FromSeconds(30));

    [Fact]
    public void Order_RandomDags_ValidNeverWorseThanStartAndDeterministic()
    {
        var local = new LocalSearchScheduler([new InputOrder()], Generous, Budget);
        for (int seed = 0; seed < 30; seed++)
        {
            var graph = TestData.RandomDag(seed, maxNodes: 120);
            int[] order = local.Order(graph);
            Assert.True(MemoryModel.IsValid(graph, order, out string? why), $"seed {seed}: {why}");
            long startPeak = MemoryModel.Evaluate(graph, new InputOrder().Order(graph));
            Assert.True(MemoryModel.Evaluate(graph, order) <= startPeak, $"seed {seed}");
            Assert.Equal(order, local.Order(graph));
        }
    }

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void Order_Golden_BetweenOptimumAndStart(string name)
    {
        var golden = TestData.GoldenCase(name);
        long peak = MemoryModel.Evaluate(golden.Graph, new LocalSearchScheduler([new InputOrder()], Generous, Budget).Order(golden.Graph));
        Assert.InRange(peak, golden.OptimalPeak, golden.InputOrderPeak);
    }

    [Fact]
    public void Order_GoldenFromBfs_ImprovesOnSomeGraphs()
    {
        // Kahn's FIFO order is far from optimal on several golden graphs; one-op moves must recover part of that gap.
        var local = new LocalSearchScheduler([new KahnStart()], Generous, Budget);
        int improved = TestData.GoldenCases.Count(c => MemoryModel.Evaluate(c.Graph, local.Order(c.Graph)) < c.BfsPeak);
        int improvable = TestData.GoldenCases.Count(c => c.BfsPeak > c.OptimalPeak);
        Assert.True(improved >= improvable / 2, $"improved {improved} of {improvable} improvable graphs");
    }

    [Fact]
    public void Order_TinyGraphsWithEveryTensorKind_ValidAndNotWorseThanStart()
    {
        var local = new LocalSearchScheduler([new InputOrder()], Generous, Budget);
        for (int seed = 0; seed < 200; seed++)
        {
            var graph = TinyGraphs.Random(seed);
            long peak = MemoryModel.Evaluate(graph, local.Order(graph));
            long startPeak = MemoryModel.Evaluate(graph, new InputOrder().Order(graph));
            Assert.True(peak <= startPeak && peak >= NaiveSimulator.OptimalPeak(graph), $"seed {seed}");
        }
    }

    [Fact]
    public void Order_LayeredGraphs_WindowSolvesBeatOneOpMovesAtTheSameBudget()
    {
        // The peak of a layered graph often needs several ops to trade places at once: exact window re-solves reach
        // orders that single-op moves do not, at the same work budget. Never worse in total, strictly better on some.
        long withWindows = 0, without = 0;
        int better = 0;
        for (int seed = 0; seed < 4; seed++)
        {
            var graph = Scheduler.Graphs.Generators.LayeredGraphGenerator.Generate(new(Nodes: 200), 9100 + seed);
            long a = MemoryModel.Evaluate(graph, new LocalSearchScheduler([new InputOrder()], Generous, 400_000).Order(graph));
            long b = MemoryModel.Evaluate(graph, new LocalSearchScheduler([new InputOrder()], Generous, 400_000, windows: false).Order(graph));
            (withWindows, without, better) = (withWindows + a, without + b, better + (a < b ? 1 : 0));
        }
        Assert.True(withWindows < without && better >= 1, $"with windows {withWindows}, without {without}, better on {better} of 4");
    }

    [Fact]
    public void Order_MoreEffort_RestartRoundsNeverWorseThanRoundOneValidAndDeterministic()
    {
        // Round 1 of an effort-3 search is exactly the effort-1 search, so the best over its three rounds can only tie or
        // win; the restarts (another heuristic's order, a strongly kicked best) must win somewhere on these graphs.
        var heuristics = new IScheduler[] { new InputOrder(), new KahnStart() };
        var one = new LocalSearchScheduler(heuristics, Generous, Budget);
        var three = new LocalSearchScheduler(heuristics, Generous with { Effort = 3 }, Budget);
        int better = 0;
        for (int seed = 0; seed < 12; seed++)
        {
            var graph = seed < 6 ? TestData.RandomDag(seed, maxNodes: 120)
                : Scheduler.Graphs.Generators.LayeredGraphGenerator.Generate(new(Nodes: 120), 9200 + seed);
            int[] order = three.Order(graph);
            Assert.True(MemoryModel.IsValid(graph, order, out string? why), $"seed {seed}: {why}");
            long peak = MemoryModel.Evaluate(graph, order), roundOne = MemoryModel.Evaluate(graph, one.Order(graph));
            Assert.True(peak <= roundOne, $"seed {seed}: effort 3 {peak} > effort 1 {roundOne}");
            Assert.Equal(order, three.Order(graph));
            better += peak < roundOne ? 1 : 0;
        }
        Assert.True(better >= 1, "the restart rounds never improved on round 1");
    }

    [Fact]
    public void Solve_MoreEffort_ChargesEveryRoundAndNamesTheRounds()
    {
        var graph = Scheduler.Graphs.Generators.LayeredGraphGenerator.Generate(new(Nodes: 120), 9301);
        var result = new LocalSearchScheduler([new InputOrder(), new KahnStart()], Generous with { Effort = 2.5 }, Budget)
            .Solve(new GraphAnalysis(graph), null);
        Assert.Contains("3 rounds", result.Message);
        Assert.InRange(result.Work!.Value, (long)(2.5 * Budget), (long)(2.5 * Budget) + 10_000);
    }

    [Fact]
    public void Solve_Trace_StartsAtTheStartFallsStrictlyAndEndsAtTheVerifiedPeak()
    {
        for (int seed = 0; seed < 8; seed++)
        {
            var graph = seed < 4 ? TestData.RandomDag(seed, maxNodes: 120)
                : Scheduler.Graphs.Generators.LayeredGraphGenerator.Generate(new(Nodes: 150), 9400 + seed);
            var result = new LocalSearchScheduler([new InputOrder()], Generous, Budget).Solve(new GraphAnalysis(graph), null);
            var trace = result.Trace!;
            Assert.Equal((0L, MemoryModel.Evaluate(graph, new InputOrder().Order(graph))), (trace[0].Work, trace[0].PeakBytes));
            for (int i = 1; i < trace.Count; i++)
            {
                Assert.True(trace[i].PeakBytes < trace[i - 1].PeakBytes, $"seed {seed}: point {i} does not fall");
                Assert.True(trace[i].Work >= trace[i - 1].Work, $"seed {seed}: point {i} goes back in work");
            }
            Assert.Equal(MemoryModel.Evaluate(graph, result.Order), trace[^1].PeakBytes);
            Assert.InRange(trace[^1].Work, 0, result.Work!.Value);
        }
    }

    [Fact]
    public void Solve_TraceOfMoreEffort_ExtendsTheEffortOneCurveAndIsDeterministic()
    {
        // Anytime: round 1 of an effort-3 run is the effort-1 run, so its curve up to effort 1's work is that curve, and
        // the rest can only fall further. Work counts, not the clock, place the points, so a rerun gives the same curve.
        static (long, long)[] Points(SolveResult r) => r.Trace!.Select(p => (p.Work, p.PeakBytes)).ToArray();
        var heuristics = new IScheduler[] { new InputOrder(), new KahnStart() };
        int extended = 0;
        for (int seed = 0; seed < 6; seed++)
        {
            var analysis = new GraphAnalysis(Scheduler.Graphs.Generators.LayeredGraphGenerator.Generate(new(Nodes: 120), 9500 + seed));
            var one = Points(new LocalSearchScheduler(heuristics, Generous, Budget).Solve(analysis, null));
            var three = Points(new LocalSearchScheduler(heuristics, Generous with { Effort = 3 }, Budget).Solve(analysis, null));
            Assert.Equal(one, three.Take(one.Length));
            Assert.All(three.Skip(one.Length), p => Assert.True(p.Item1 > Budget && p.Item2 < one[^1].Item2));
            Assert.Equal(three, Points(new LocalSearchScheduler(heuristics, Generous with { Effort = 3 }, Budget).Solve(analysis, null)));
            extended += three.Length > one.Length ? 1 : 0;
        }
        Assert.True(extended >= 1, "no later round lowered the peak on any graph");
    }

    [Fact]
    public void Order_ZeroEvaluationBudget_ReturnsStartOrder()
    {
        var graph = TestData.GoldenCases[1].Graph;
        var local = new LocalSearchScheduler([new InputOrder()], Generous, maxEvaluations: 0);
        Assert.Equal(new InputOrder().Order(graph), local.Order(graph));
    }

    private sealed class KahnStart : IScheduler
    {
        public string Name => "bfs";

        public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
            => TopologicalSort.KahnOrder(graph);
    }
}
