using Scheduler.Cli;
using Scheduler.Graphs;
using Scheduler.Pass;
using Scheduler.Testing;
using Scheduler.Pass.Compare;
using Scheduler.Topoformer;
using static Scheduler.Tests.Reports.ReportRows;

namespace Scheduler.Tests.Cli;

public class RemainingTimeTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class FakeClock
    {
        public double Ms { get; set; }

        public double Now() => Ms;
    }

    /// <summary>A chain of <paramref name="ops"/> ops, each output used by the next (ops − 1 edges).</summary>
    private static NamedGraph Chain(string dataset, string name, int ops) => new(dataset, name, TestData.Chain(ops));

    /// <summary>Work like the real portfolio's: local is budgeted as many reference ms as ops, exact 100 up to 500 ops
    /// and nothing above (skipped), input nothing.</summary>
    private static double Work(string method, ComputationGraph g)
        => method switch { "local" => g.OpCount, "exact" => g.OpCount <= 500 ? 100 : 0, _ => 0 };

    /// <summary>What <see cref="RemainingTime"/> adds to every row: a linear pass, 1 µs per op and edge.</summary>
    private static double Linear(int ops) => 1e-3 * (2 * ops - 1);

    [Fact]
    public void Estimate_RatesPerMethodAndDataset_TimesTheWorkOfWhatWillRun_SkippedMethodsCostNothing()
    {
        var graphs = new[] { Chain("a", "a1", 10), Chain("a", "a2", 10), Chain("b", "b1", 1000) };
        var clock = new FakeClock();
        var eta = new RemainingTime(graphs, ["input", "local", "exact"], Work, clock.Now);
        Assert.Null(eta.Estimate());
        clock.Ms = 1;
        eta.Observe(Row("a", "a1", "input", 1, ops: 10));
        clock.Ms = 101;
        eta.Observe(Row("a", "a1", "local", 1, ops: 10));
        clock.Ms = 151;
        eta.Observe(Row("a", "a1", "exact", 1, ops: 10));
        double input = 1 / Linear(10), local = 100 / (10 + Linear(10)), exact = 50 / (100 + Linear(10));
        // a2 costs what a1 cost (same dataset, same work); on b1 input and local scale with their work (100 times the
        // ops), and exact, skipped above 500 ops, costs only its linear pass, not 100 times its 50 ms.
        double expected = 151 + input * Linear(1000) + local * (1000 + Linear(1000)) + exact * Linear(1000);
        Assert.Equal(expected, eta.Estimate()!.Value.TotalMilliseconds, 3); // a TimeSpan holds 100 ns ticks
        Assert.InRange(eta.Estimate()!.Value.TotalMilliseconds, 10_000, 10_500);
        Assert.Equal("about 10 s left", eta.Describe());
    }

    [Fact]
    public void Estimate_ADatasetWhereAMethodHasNotRun_UsesThatMethodsRateElsewhere_ThenItsOwn()
    {
        var graphs = new[] { Chain("a", "a1", 100), Chain("b", "b1", 400), Chain("b", "b2", 400) };
        var clock = new FakeClock();
        var eta = new RemainingTime(graphs, ["local"], Work, clock.Now);
        clock.Ms = 200;
        eta.Observe(Row("a", "a1", "local", 1, ops: 100));
        // 2 ms per reference ms on a: b's two graphs are predicted at that rate.
        double rate = 200 / (100 + Linear(100));
        Assert.Equal(2 * rate * (400 + Linear(400)), eta.Estimate()!.Value.TotalMilliseconds, 3); // a TimeSpan holds 100 ns ticks
        // b1 ran at 1 ms per reference ms: b2 is predicted at b's own rate.
        clock.Ms = 200 + 400 + Linear(400);
        eta.Observe(Row("b", "b1", "local", 1, ops: 400));
        Assert.Equal(400 + Linear(400), eta.Estimate()!.Value.TotalMilliseconds, 3); // a TimeSpan holds 100 ns ticks
        clock.Ms += 1;
        eta.Observe(Row("b", "b2", "local", 1, ops: 400));
        Assert.Equal(0, eta.Estimate()!.Value.TotalMilliseconds, 3); // a TimeSpan holds 100 ns ticks
        Assert.Equal("less than a second left", eta.Describe());
    }

    [Fact]
    public void Estimate_WithinADataset_EachSizeClassKeepsItsOwnRate()
    {
        // One dataset of 100- and 1,000-op graphs: local ran at 1 ms per reference ms on the small ones and at 3 on
        // the large ones (budgets predict sizes unevenly); the next of each size is predicted at its own size's rate.
        var graphs = new[] { Chain("f", "s1", 100), Chain("f", "l1", 1000), Chain("f", "s2", 100), Chain("f", "l2", 1000), Chain("f", "m1", 300) };
        var clock = new FakeClock();
        var eta = new RemainingTime(graphs, ["local"], Work, clock.Now);
        double small = 100 + Linear(100), large = 1000 + Linear(1000), mid = 300 + Linear(300);
        clock.Ms = small;
        eta.Observe(Row("f", "s1", "local", 1, ops: 100));
        clock.Ms += 3 * large;
        eta.Observe(Row("f", "l1", "local", 1, ops: 1000));
        // 300 ops is in neither class: the dataset's rate over both, (small + 3 large) / (small + large).
        double pooled = (small + 3 * large) / (small + large);
        Assert.Equal(small + 3 * large + pooled * mid, eta.Estimate()!.Value.TotalMilliseconds, 3); // a TimeSpan holds 100 ns ticks
        Assert.Equal(RemainingTime.SizeClass(100), RemainingTime.SizeClass(127));
        Assert.NotEqual(RemainingTime.SizeClass(127), RemainingTime.SizeClass(128));
    }

    [Fact]
    public void PredictedWork_CountsOnlyTheMethodsThatAcceptTheGraph_AsTheCatalogSays()
    {
        var runner = new CompareRunner(MethodCatalog.Members, PassOptions.Default);
        var small = Chain("s", "s", 100).Graph;
        var mid = Chain("m", "m", 600).Graph;
        var huge = Chain("h", "h", 40_000).Graph;
        Assert.True(runner.PredictedWork("exact", small) > 0);
        Assert.Equal(0, runner.PredictedWork("exact", mid));
        Assert.True(runner.PredictedWork("local", mid) > 0);
        // Above every search method's own limit only the heuristics' and the learned methods' passes are left.
        foreach (string method in new[] { "local", "beam", "cpsat" })
        {
            Assert.Equal(0, runner.PredictedWork(method, huge));
        }
        var beyondTopoformer = Chain("t", "t", TopoformerScheduler.MaxNodes + 1).Graph;
        Assert.True(runner.PredictedWork("topoformer", huge) > 0);
        Assert.Equal(0, runner.PredictedWork("topoformer", beyondTopoformer));
        Assert.Equal(0, runner.PredictedWork("topoformer-sample", beyondTopoformer));
        double heuristics = MethodCatalog.Members.Where(d => d.Kind is MethodKind.Heuristic or MethodKind.Learned && PassOptions.DefaultMethods.Contains(d.Name))
            .Sum(d => runner.PredictedWork(d.Name, huge));
        Assert.Equal(heuristics, runner.PredictedWork("best", huge), 9);
        Assert.Equal(runner.PredictedWork("best", mid), runner.PredictedWork("adaptive", mid), 9);
        Assert.True(runner.PredictedWork("best", small) >= runner.PredictedWork("exact", small) + runner.PredictedWork("local", small));
        Assert.Equal(0, runner.PredictedWork("oracle", small));
    }

    [Fact]
    public void RowsPerGraph_IsTheOrderTheRunnerEmitsRows()
    {
        var runner = new CompareRunner(MethodCatalog.Members, PassOptions.Default);
        var graph = Chain("s", "s", 6);
        string[] methods = ["adaptive", "local", "best", "input", "bfs", "oracle"];
        Assert.Equal(["input", "local", "bfs", "best", "oracle", "adaptive"], runner.RowsPerGraph(methods));
        var rows = runner.Run([graph], methods);
        Assert.Equal(runner.RowsPerGraph(methods), rows.Select(r => r.Method));
    }
}
