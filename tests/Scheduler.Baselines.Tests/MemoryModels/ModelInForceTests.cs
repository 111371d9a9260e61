using Scheduler.Baselines.Exact;
using Scheduler.Baselines.Search;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.MemoryModels;

/// <summary>Every method orders for the memory model in force (views, in-place reuse), checked against the naive
/// storage simulator of tests/Shared and exhaustive optima.</summary>
public sealed class ModelInForceTests
{
    public static TheoryData<string> ModelNames() => new(MemoryModelOptions.Names);

    private static IEnumerable<SchedulerDescriptor> Methods()
        => HeuristicCatalog.All.Concat(SearchCatalog.Create([]));

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void EveryMethod_EveryOption_ValidOrderBetweenBoundAndTotal(string name)
    {
        var memory = MemoryModelOptions.Parse(name)!;
        var settings = SchedulerSettings.Default with { Memory = memory, Effort = 0.01, TimeLimit = TimeSpan.FromSeconds(20) };
        for (int seed = 0; seed < 12; seed++)
        {
            var g = ViewGraphs.Random(seed, 20);
            long bound = MemoryModel.LowerBound(g, memory);
            foreach (var method in Methods())
            {
                var order = method.Create(settings).Order(g);
                Assert.True(MemoryModel.IsValid(g, order, out string? why), $"{method.Name} seed {seed} {name}: {why}");
                long peak = NaiveStorageSimulator.Peak(g, order, memory);
                Assert.True(peak >= bound, $"{method.Name} seed {seed} {name}: peak {peak} below the bound {bound}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Exact_EveryOption_ReachesTheExhaustiveOptimum(string name)
    {
        var memory = MemoryModelOptions.Parse(name)!;
        var exact = new ExactScheduler([], SchedulerSettings.Default with { Memory = memory });
        for (int seed = 0; seed < 80; seed++)
        {
            var g = seed % 2 == 0 ? ViewGraphs.Random(seed, 7) : InPlaceGraphs.Random(seed, 7);
            var result = exact.Solve(new GraphAnalysis(g, memory), null);
            long optimum = NaiveStorageSimulator.OptimalPeak(g, memory);
            Assert.True(result.Status == SolveStatus.Optimal, $"seed {seed} {name}: {result.Status} {result.Message}");
            Assert.True(optimum == NaiveStorageSimulator.Peak(g, result.Order, memory), $"seed {seed} {name}: optimum {optimum}, exact {NaiveStorageSimulator.Peak(g, result.Order, memory)}");
        }
    }

    [Fact]
    public void Local_InPlaceViews_FindsTheOrderOnlyTheModelRewards()
    {
        // Default model: both orders of the clobber graph tie at 210 B; in place, reading x before the Relu needs 110 B.
        var g = InPlaceGraphs.ReaderAfterRelu();
        var memory = MemoryModelOptions.Parse("in-place+views")!;
        var local = new LocalSearchScheduler([new InputOrder()], SchedulerSettings.Default with { Memory = memory });
        var result = local.Solve(new GraphAnalysis(g, memory), null);
        Assert.Equal(110, MemoryModel.Evaluate(g, result.Order, memory));
        Assert.Equal(SolveStatus.Optimal, result.Status);
    }

    [Fact]
    public void CpSat_Views_SaysItSolvedTheDefaultModelAndReScores()
    {
        var g = ViewGraphs.ReshapeChain();
        var memory = MemoryModelOptions.Parse("views")!;
        var result = new CpSatScheduler([], SchedulerSettings.Default with { Memory = memory }).Solve(new GraphAnalysis(g, memory), null);
        Assert.Contains("solved under the default model", result.Message);
        Assert.True(MemoryModel.Evaluate(g, result.Order, memory) >= MemoryModel.LowerBound(g, memory));
    }

    [Fact]
    public void Local_EveryOption_NeverWorseThanItsStart()
    {
        foreach (var memory in MemoryModelOptions.All)
        {
            for (int seed = 0; seed < 10; seed++)
            {
                var g = ViewGraphs.Random(seed, 40);
                var start = StartOrder.Of(g, Orders.RandomTopological(g, new Random(seed)), "random", memory);
                var local = new LocalSearchScheduler([], SchedulerSettings.Default with { Memory = memory, Effort = 0.02 });
                var result = local.Solve(new GraphAnalysis(g, memory), start);
                Assert.True(MemoryModel.Evaluate(g, result.Order, memory) <= start.Peak, $"seed {seed} {memory.Name}");
            }
        }
    }
}
