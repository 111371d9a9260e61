using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests;

public sealed class SearchCatalogTests
{
    public static IEnumerable<object[]> Names() => SearchCatalog.Create([]).Select(d => new object[] { d.Name });

    [Fact]
    public void Create_ListsBeamLocalExactCpsatWithKinds()
    {
        var catalog = SearchCatalog.Create([]);
        Assert.Equal(["beam", "local", "exact", "cpsat"], catalog.Select(d => d.Name));
        Assert.Equal([MethodKind.Search, MethodKind.Search, MethodKind.Exact, MethodKind.Exact], catalog.Select(d => d.Kind));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_EachScheduler_NameMatchesAndOrdersAreValidOnRandomDags(string name)
    {
        var descriptor = SearchCatalog.Create([new InputOrder()]).Single(d => d.Name == name);
        var scheduler = descriptor.Create(new SchedulerSettings(TimeLimit: TimeSpan.FromSeconds(0.5), Effort: 0.01));
        Assert.Equal(name, scheduler.Name);
        for (int seed = 0; seed < 15; seed++)
        {
            var graph = TestData.RandomDag(seed, maxNodes: 40);
            int[] order = scheduler.Order(graph);
            Assert.True(MemoryModel.IsValid(graph, order, out string? why), $"{name}, seed {seed}: {why}");
            long peak = MemoryModel.Evaluate(graph, order);
            Assert.InRange(peak, MemoryModel.LowerBound(graph), MemoryModel.Evaluate(graph, new InputOrder().Order(graph)));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_EachScheduler_HandlesEmptyAndSingleOpGraphs(string name)
    {
        var scheduler = SearchCatalog.Create([]).Single(d => d.Name == name).Create(SchedulerSettings.Default);
        Assert.Empty(scheduler.Order(ComputationGraph.FromSizes([], [])));
        Assert.Equal([0], scheduler.Order(ComputationGraph.FromSizes([5], [])));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_EachScheduler_CancelledTokenThrows(string name)
    {
        var scheduler = SearchCatalog.Create([]).Single(d => d.Name == name).Create(SchedulerSettings.Default);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => scheduler.Order(TestData.GoldenCases[0].Graph, cts.Token));
    }

    [Fact]
    public void Create_NullHeuristics_Throws() => Assert.Throws<ArgumentNullException>(() => SearchCatalog.Create(null!));
}
