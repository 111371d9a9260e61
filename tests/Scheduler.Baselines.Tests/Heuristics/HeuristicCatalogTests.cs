using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests.Heuristics;

/// <summary>Checks that hold for every heuristic in <see cref="HeuristicCatalog"/>.</summary>
public sealed partial class HeuristicCatalogTests
{
    private static readonly string[] ExpectedNames =
        ["input", "bfs", "dfs", "random", "lpmf", "inductor-bfs", "inductor-dfs", "xla-list", "xla-dfs", "post-order"];

    /// <summary>Every catalog name, for [MemberData].</summary>
    public static IEnumerable<object[]> Names()
    {
        foreach (var d in HeuristicCatalog.All)
        {
            yield return [d.Name];
        }
    }

    /// <summary>Every (catalog name, golden case) pair, for [MemberData].</summary>
    public static IEnumerable<object[]> NamesAndGoldenCases()
    {
        foreach (var d in HeuristicCatalog.All)
        {
            foreach (var c in Scheduler.Testing.TestData.GoldenCases)
            {
                yield return [d.Name, c.Name];
            }
        }
    }

    [Fact]
    public void All_ListsEveryHeuristicOnce()
    {
        var names = new List<string>();
        foreach (var d in HeuristicCatalog.All)
        {
            names.Add(d.Name);
        }
        Assert.Equal(ExpectedNames, names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void All_Descriptor_CreatesSchedulerWithSameNameAndHeuristicKind(string name)
    {
        var d = Descriptor(name);
        Assert.Equal(MethodKind.Heuristic, d.Kind);
        Assert.False(string.IsNullOrWhiteSpace(d.Description));
        Assert.Equal(name, d.Create(SchedulerSettings.Default).Name);
        Assert.Matches("^[a-z]+(-[a-z]+)*$", name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Order_EmptyishGraphs_HandlesSingleOpAndIsolatedOps(string name)
    {
        var scheduler = Create(name);
        var single = ComputationGraph.FromSizes([5], [], "one");
        Assert.Equal([0], scheduler.Order(single));
        var isolated = ComputationGraph.FromSizes([3, 1, 2], [], "isolated");
        var order = scheduler.Order(isolated);
        Assert.True(MemoryModel.IsValid(isolated, order, out var message), message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Order_Chain_RunsInTheOnlyOrderWithPeakSeven(string name)
    {
        var g = TestGraphs.Chain();
        var order = Create(name).Order(g);
        Assert.Equal([0, 1, 2, 3], order);
        Assert.Equal(7, MemoryModel.Evaluate(g, order));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Order_CancelledToken_Throws(string name)
    {
        var g = Scheduler.Testing.TestData.RandomDag(7, 60);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var scheduler = Create(name);
        Assert.ThrowsAny<OperationCanceledException>(() => scheduler.Order(g, cts.Token));
    }

    private static SchedulerDescriptor Descriptor(string name)
    {
        foreach (var d in HeuristicCatalog.All)
        {
            if (d.Name == name)
            {
                return d;
            }
        }
        throw new ArgumentException($"No heuristic named {name}.", nameof(name));
    }

    private static IScheduler Create(string name, int seed = 0)
        => Descriptor(name).Create(new SchedulerSettings(Seed: seed, Samples: 4));
}
