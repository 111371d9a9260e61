using Scheduler.Graphs;
using Scheduler.Testing;
using Scheduler.Topoformer.Decoding;

namespace Scheduler.Topoformer.Tests;

public sealed class TopoformerSchedulerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "topoformer-sched-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [Fact]
    public void Catalog_All_ListsBothLearnedMethods()
    {
        Assert.Equal(["topoformer", "topoformer-sample"], TopoformerCatalog.All.Select(d => d.Name));
        Assert.All(TopoformerCatalog.All, d => Assert.Equal(MethodKind.Learned, d.Kind));
    }

    [Fact]
    public void Catalog_CreateWithModelPath_SchedulesValidOrders()
    {
        using var network = Toy.Network(21);
        TopoformerCheckpoint.Save(network, _dir);
        var settings = new SchedulerSettings(Seed: 3, Samples: 4, ModelPath: _dir);
        foreach (var descriptor in TopoformerCatalog.All)
        {
            var scheduler = descriptor.Create(settings);
            Assert.Equal(descriptor.Name, scheduler.Name);
            for (int seed = 1; seed <= 10; seed++)
            {
                var graph = TestData.RandomDag(seed, 50);
                var order = scheduler.Order(graph);
                Assert.True(MemoryModel.IsValid(graph, order, out string? why), $"{descriptor.Name} seed {seed}: {why}");
                Assert.Equal(order, scheduler.Order(graph)); // deterministic
            }
        }
    }

    [Fact]
    public void Order_SampleNeverWorseThanGreedy()
    {
        using var network = Toy.Network(22);
        var greedy = new TopoformerScheduler("topoformer", network);
        var sample = new TopoformerScheduler("topoformer-sample", network, samples: 16, DecodeMode.Sample, seed: 1);
        for (int seed = 1; seed <= 10; seed++)
        {
            var graph = TestData.RandomDag(seed, 60);
            Assert.True(MemoryModel.Evaluate(graph, sample.Order(graph)) <= MemoryModel.Evaluate(graph, greedy.Order(graph)), $"seed {seed}");
        }
    }

    [Fact]
    public void Solve_SampleCapAlreadySpent_GreedyOrderFlaggedCapped()
    {
        using var network = Toy.Network(24);
        var graph = TestData.RandomDag(5, 60);
        var capped = new TopoformerScheduler("topoformer-sample", network, 8, DecodeMode.Sample, seed: 1, timeLimit: TimeSpan.Zero).Solve(graph);
        Assert.True(capped.Capped, capped.Message);
        Assert.Equal(new TopoformerScheduler("topoformer", network).Order(graph), capped.Order); // greedy is the first candidate
        var full = new TopoformerScheduler("topoformer-sample", network, 8, DecodeMode.Sample, seed: 1).Solve(graph);
        Assert.False(full.Capped, full.Message);
    }

    [Fact]
    public void Order_EmptyGraph_EmptyOrder()
    {
        using var network = Toy.Network(23);
        var graph = new GraphBuilder("empty").Build();
        Assert.Empty(new TopoformerScheduler("topoformer", network).Order(graph));
    }

    [Fact]
    public void Order_MissingModelPath_ClearError()
    {
        string absent = Path.Combine(_dir, "absent");
        var scheduler = new TopoformerScheduler("topoformer", modelPath: absent);
        var e = Assert.Throws<TopoformerConfigException>(() => scheduler.Order(Toy.Diamond()));
        Assert.Contains($"{absent}: no such checkpoint folder or file", e.Message); // the path itself, never its parent folder
    }

    [Theory]
    [InlineData(50_000, 1_669_011, null)] // the 50k-op layered benchmark graph runs
    [InlineData(262_144, 262_143, null)] // a chain at the op limit
    [InlineData(262_145, 262_144, "has 262145 ops; finding the attention samples grows as N·E, limit 262144")]
    [InlineData(200_000, 3_000_000, "200000 ops and 3000000 edges; finding the attention samples takes about N·E/32 = 18750000000 word operations, limit 17179869184")]
    public void SizeRefusal_OpsAndReachabilityWork_NamesTheLimit(int ops, int edges, string? expected)
    {
        string? refusal = TopoformerScheduler.SizeRefusal("topoformer", "g", ops, edges);
        if (expected is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Contains(expected, refusal);
        }
    }
}
