using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Topoformer.Tests;

public class ModelStoreTests
{
    [Fact]
    public void ResolveShipped_FromTestOutput_FindsRepositoryCheckpoint()
    {
        string path = ModelStore.ResolveShipped();
        Assert.Equal(Path.Combine(TestData.RepoRoot, "models", "topoformer"), path);
    }

    [Fact]
    public void Get_SamePathTwice_LoadsOnce()
        => Assert.Same(ModelStore.Get(null), ModelStore.Get(ModelStore.ResolveShipped()));

    [Fact]
    public void ShippedModel_GoldenGraphs_ValidOrdersNotBelowOptimum()
    {
        foreach (var descriptor in TopoformerCatalog.All)
        {
            var scheduler = descriptor.Create(SchedulerSettings.Default);
            foreach (var golden in TestData.GoldenCases)
            {
                var order = scheduler.Order(golden.Graph);
                Assert.True(MemoryModel.IsValid(golden.Graph, order, out string? why), $"{descriptor.Name} {golden.Name}: {why}");
                Assert.True(MemoryModel.Evaluate(golden.Graph, order) >= golden.OptimalPeak, $"{descriptor.Name} {golden.Name}");
            }
        }
    }
}
