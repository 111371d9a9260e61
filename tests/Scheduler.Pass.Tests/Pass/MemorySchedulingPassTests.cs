using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Pass;
using Scheduler.Testing;

namespace Scheduler.Pass.Tests;

public partial class MemorySchedulingPassTests
{
    private sealed class FixedScheduler(string name, Func<ComputationGraph, int[]> order) : IScheduler
    {
        public string Name => name;

        public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default) => order(graph);
    }

    private static SchedulerDescriptor Fixed(string name, Func<ComputationGraph, int[]> order, MethodKind kind = MethodKind.Heuristic)
        => new(name, name, kind, _ => new FixedScheduler(name, order));

    private static PassOptions Options(params string[] methods) => new() { Methods = methods, TimeBudget = TimeSpan.FromSeconds(5) };

    [Fact]
    public void Run_FailingAndInvalidMembers_AreReportedAndSkipped()
    {
        // Two chains whose file order is not optimal, so nothing stops the pass early.
        var g = ComputationGraph.FromSizes([100, 100, 1, 1], [(0, 2), (1, 3)]);
        var pass = new MemorySchedulingPass([
            Fixed("throws", _ => throw new InvalidOperationException("boom")),
            Fixed("backwards", _ => [2, 3, 0, 1]),
            Fixed("kahn", TopologicalSort.KahnOrder),
        ]);
        var result = pass.Run(g, Options("throws", "backwards", "kahn"));
        Assert.Equal(["input", "throws", "backwards", "kahn"], result.Candidates.Select(c => c.Method));
        Assert.Equal(CandidateStatus.Failed, result.Candidates[1].Status);
        Assert.Contains("boom", result.Candidates[1].Message);
        Assert.Equal(CandidateStatus.Failed, result.Candidates[2].Status);
        Assert.Contains("backwards", result.Candidates[2].Message);
        Assert.Equal("input", result.Best.Scheduler);
    }

    [Fact]
    public void Run_TieWithInput_InputWins_BetterMemberWinsOtherwise()
    {
        // Two independent chains: the file starts both big ops before either consumer; finishing one chain first is better.
        var g = ComputationGraph.FromSizes([100, 100, 1, 1], [(0, 2), (1, 3)]);
        var pass = new MemorySchedulingPass([Fixed("same", g2 => Enumerable.Range(0, g2.OpCount).ToArray()), Fixed("better", _ => [0, 2, 1, 3])]);
        var result = pass.Run(g, Options("same", "better"));
        long input = result.InputPeakBytes;
        long better = MemoryModel.Evaluate(g, [0, 2, 1, 3]);
        Assert.True(better < input, "the test graph must have headroom");
        Assert.Equal(("better", better), (result.Best.Scheduler, result.Best.PeakBytes));
        var tie = new MemorySchedulingPass([Fixed("same", g2 => Enumerable.Range(0, g2.OpCount).ToArray())]).Run(g, Options("same"));
        Assert.Equal("input", tie.Best.Scheduler);
    }

    [Fact]
    public void Run_RandomDagsAllHeuristics_NeverAboveAnyMemberOrInput()
    {
        var pass = new MemorySchedulingPass(MethodCatalog.Members);
        var heuristics = MethodCatalog.Members.Where(d => d.Kind == MethodKind.Heuristic).Select(d => d.Name).ToArray();
        for (int seed = 0; seed < 25; seed++)
        {
            var g = TestData.RandomDag(seed, 120);
            var result = pass.Run(g, Options(heuristics));
            Assert.True(MemoryModel.IsValid(g, result.Best.Order.AsSpan(), out _), $"seed {seed}");
            Assert.Equal(MemoryModel.Evaluate(g, result.Best.Order.AsSpan()), result.Best.PeakBytes);
            foreach (var c in result.Candidates.Where(c => c.Succeeded))
            {
                Assert.True(result.Best.PeakBytes <= c.PeakBytes, $"seed {seed}: best {result.Best.PeakBytes} > {c.Method} {c.PeakBytes}");
                Assert.Equal(MemoryModel.Evaluate(g, c.Order), c.PeakBytes);
            }
        }
    }

    [Fact]
    public void Run_ExactKindAboveOpLimit_IsSkipped_AndSearchSkippedWhenBudgetSpent()
    {
        var g = TestData.RandomDag(3, 60);
        var pass = new MemorySchedulingPass([Fixed("big-exact", TopologicalSort.KahnOrder, MethodKind.Exact), Fixed("slow-search", TopologicalSort.KahnOrder, MethodKind.Search)]);
        var result = pass.Run(g, new PassOptions { Methods = ["big-exact", "slow-search"], TimeBudget = TimeSpan.Zero, ExactOpLimit = 0 });
        Assert.All(result.Candidates.Skip(1), c => Assert.Equal(CandidateStatus.Skipped, c.Status));
    }

    [Fact]
    public void Resolve_UnknownMethod_ListsKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MemorySchedulingPass(MethodCatalog.Members).Resolve(["nope"]));
        Assert.Contains("nope", ex.Message);
        Assert.Contains("lpmf", ex.Message);
    }

    [Fact]
    public void LoadYaml_UnknownKey_NamesFileAndLine_ValidKeysRead()
    {
        var ok = PassOptionsYaml.Parse("methods: [bfs, dfs]\ntime_budget_seconds: 3\nseed: 7\n", "p.yaml");
        Assert.Equal(["bfs", "dfs"], ok.Methods);
        Assert.Equal((3.0, 7), (ok.TimeBudget.TotalSeconds, ok.Settings.Seed));
        var ex = Assert.Throws<GraphFormatException>(() => PassOptionsYaml.Parse("methods: [bfs]\nbudget: 3\n", "p.yaml"));
        Assert.StartsWith("p.yaml:2:", ex.Message);
    }

    [Fact]
    public void LoadYaml_MemoryModel_InPlaceOrErrorNamingValue()
    {
        Assert.False(PassOptionsYaml.Parse("seed: 1\n").Memory.InPlace);
        Assert.True(PassOptionsYaml.Parse("memory_model: in-place\n").Memory.InPlace);
        Assert.Equal("views", PassOptionsYaml.Parse("memory_model: views\n").Memory.Name);
        Assert.Equal("in-place+views", PassOptionsYaml.Parse("memory_model: in-place+views\n").Memory.Name);
        Assert.Contains("'arena'", Assert.Throws<GraphFormatException>(() => PassOptionsYaml.Parse("memory_model: arena\n", "p.yaml")).Message);
    }
}
