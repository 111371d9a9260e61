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

public sealed class SearchCatalogAcceptsTests
{
    [Fact]
    public void Accepts_Beam_IsFalseExactlyWhereTheSearchRefusesTheGraph()
    {
        var beam = SearchCatalog.Create([]).Single(d => d.Name == "beam");
        var graph = TestData.Chain(100);
        // Width 2^20 on 100 ops and 100 tensors copies about 10^10 words, over the limit; width 64 about 6·10^5.
        var wide = SchedulerSettings.Default with { BeamWidth = 1 << 20 };
        Assert.False(beam.Accepts(graph, wide));
        Assert.Throws<NotSupportedException>(() => beam.Create(wide).Order(graph));
        Assert.True(beam.Accepts(graph, SchedulerSettings.Default));
        Assert.Equal(100, beam.Create(SchedulerSettings.Default).Order(graph).Length);
    }

    [Fact]
    public void Accepts_LocalAndCpsat_StopAtTheirSchedulersLimits_ExactAndBeamAtNone()
    {
        var catalog = SearchCatalog.Create([]).ToDictionary(d => d.Name);
        var s = SchedulerSettings.Default;
        var overLocal = TestData.Chain(Scheduler.Baselines.Search.LocalSearchScheduler.MaxOps + 1);
        Assert.False(catalog["local"].Accepts(overLocal, s));
        Assert.Throws<NotSupportedException>(() => catalog["local"].Create(s with { Effort = 0.001 }).Order(overLocal));
        Assert.True(catalog["local"].Accepts(TestData.Chain(Scheduler.Baselines.Search.LocalSearchScheduler.MaxOps), s));
        Assert.False(catalog["cpsat"].Accepts(TestData.Chain(Scheduler.Baselines.Exact.CpSatScheduler.MaxOps + 1), s));
        Assert.True(catalog["cpsat"].Accepts(TestData.Chain(Scheduler.Baselines.Exact.CpSatScheduler.MaxOps), s));
        Assert.True(catalog["exact"].Accepts(overLocal, s));
    }
}
