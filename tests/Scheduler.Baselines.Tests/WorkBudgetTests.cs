using Scheduler.Baselines.Exact;
using Scheduler.Baselines.Search;
using Scheduler.Graphs;
using Scheduler.Graphs.Generators;

namespace Scheduler.Baselines.Tests;

/// <summary>
/// Every improving method ends on its work budget, so the same graph, settings and seed give the same order; the
/// wall-clock cap is only a safety net, and a result it ends says so. No assertion here depends on how fast the
/// machine is: the budgets are small counts, and the caps are either generous or already spent.
/// </summary>
public sealed class WorkBudgetTests
{
    private static readonly Lazy<ComputationGraph> Layered = new(() => LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: 150), 7));

    public static TheoryData<string> Methods => ["local", "beam", "exact", "cpsat"];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Solve_SameGraphSettingsAndSeed_SameOrder(string method)
    {
        var settings = new SchedulerSettings(Seed: 11, TimeLimit: TimeSpan.FromSeconds(60));
        var first = Create(method, settings).Solve(Layered.Value);
        var second = Create(method, settings).Solve(Layered.Value);
        Assert.False(first.Capped, first.Message);
        Assert.True(MemoryModel.IsValid(Layered.Value, first.Order, out string? why), why);
        Assert.Equal(first.Order, second.Order);
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(first.ProvenLowerBound, second.ProvenLowerBound);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Solve_CapAlreadySpent_ReturnsValidOrderFlaggedCapped(string method)
    {
        var graph = Layered.Value;
        long startPeak = MemoryModel.Evaluate(graph, new InputOrder().Order(graph));
        Assert.True(startPeak > MemoryModel.LowerBound(graph), "precondition: the start order is not provably optimal");
        var result = Create(method, new SchedulerSettings(TimeLimit: TimeSpan.Zero)).Solve(graph);
        Assert.True(result.Capped, $"{method}: {result.Message}");
        Assert.Contains("time cap", result.Message);
        Assert.True(MemoryModel.IsValid(graph, result.Order, out string? why), why);
        Assert.True(MemoryModel.Evaluate(graph, result.Order) <= startPeak, result.Message);
    }

    [Fact]
    public void Solve_ExactCapReachedDuringSearch_StopsFlaggedCapped()
    {
        // A 400-op layered graph runs the dynamic program to millions of states (seconds), far past a 50 ms cap.
        var graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: 400), 3);
        var result = new ExactScheduler([new InputOrder()], new SchedulerSettings(TimeLimit: TimeSpan.FromMilliseconds(50))).Solve(graph);
        Assert.Equal(SolveStatus.GaveUp, result.Status);
        Assert.True(result.Capped, result.Message);
        Assert.Contains("time cap", result.Message);
        Assert.InRange(result.ProvenLowerBound!.Value, MemoryModel.LowerBound(graph), MemoryModel.Evaluate(graph, result.Order));
    }

    [Fact]
    public void Solve_StateLimitEndsExact_NotFlaggedCapped()
    {
        var result = new ExactScheduler([new InputOrder()], new SchedulerSettings(TimeLimit: TimeSpan.FromSeconds(60)), baseStateLimit: 500)
            .Solve(Layered.Value);
        Assert.Equal(SolveStatus.GaveUp, result.Status);
        Assert.False(result.Capped, result.Message);
        Assert.Contains("state limit", result.Message);
    }

    [Fact]
    public void Solve_CpSatAboveModelLimit_GivesUpWithStartOrderNotCapped()
    {
        var graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: CpSatScheduler.MaxOps + 1), 1);
        var result = new CpSatScheduler([new InputOrder()]).Solve(graph);
        Assert.Equal(SolveStatus.GaveUp, result.Status);
        Assert.False(result.Capped, result.Message);
        Assert.Equal(new InputOrder().Order(graph), result.Order);
    }

    /// <summary>Each method with a budget of well under a second on <see cref="Layered"/>, from the input order.</summary>
    private static ISolvingScheduler Create(string method, SchedulerSettings settings) => method switch
    {
        "local" => new LocalSearchScheduler([new InputOrder()], settings, maxEvaluations: 20_000),
        "beam" => new BeamScheduler([new InputOrder()], settings with { BeamWidth = 8 }),
        "exact" => new ExactScheduler([new InputOrder()], settings, baseStateLimit: 5_000, beamStart: true),
        "cpsat" => new CpSatScheduler([new InputOrder()], settings with { Effort = 0.02 }, beamStart: true),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not an improving method."),
    };
}
