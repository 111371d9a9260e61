using Scheduler.Graphs;
using Scheduler.Graphs.Generators;
using Scheduler.Pass;

namespace Scheduler.Pass.Tests;

/// <summary>Methods whose work grows as N² refuse large graphs before doing any work, and say why (docs/DESIGN.md §9).</summary>
public class ScaleLimitTests
{
    [Theory]
    [InlineData("beam", 40_000, "width 64 on 40000 ops", "lower --beam-width")]
    [InlineData("local", 40_000, "graph has 40000 ops, limit 32768", "N²")]
    [InlineData("topoformer", 300_000, "has 300000 ops", "limit 262144")]
    [InlineData("topoformer-sample", 300_000, "has 300000 ops", "limit 262144")]
    public void Run_GraphTooLargeForTheMethod_SkippedNamingTheLimit(string method, int ops, string what, string why)
    {
        var graph = ShapeGenerator.Generate(GraphShape.Star, ops, seed: 1);
        Assert.True(MethodCatalog.TryGet(method, out var descriptor));
        var start = MethodRunner.InputOrder(graph);
        var result = MethodRunner.Run(descriptor, new GraphAnalysis(graph), new StartOrder(start.Order!, start.PeakBytes!.Value, "input"), SchedulerSettings.Default);
        Assert.Equal(CandidateStatus.Skipped, result.Status);
        Assert.Contains(what, result.Message);
        Assert.Contains(why, result.Message);
    }

    [Fact]
    public void Run_BeamNarrowEnoughForTheGraph_IsNotRefused()
    {
        // The limit is on width × N²: 12,000 ops are over it at width 64 and far under it at width 1.
        var graph = ShapeGenerator.Generate(GraphShape.Chain, 12_000, seed: 1);
        Assert.True(MethodCatalog.TryGet("beam", out var beam));
        var start = MethodRunner.InputOrder(graph);
        var from = new StartOrder(start.Order!, start.PeakBytes!.Value, "input");
        Assert.Equal(CandidateStatus.Skipped, MethodRunner.Run(beam, new GraphAnalysis(graph), from, SchedulerSettings.Default).Status);
        var narrow = MethodRunner.Run(beam, new GraphAnalysis(graph), from, SchedulerSettings.Default with { BeamWidth = 1 });
        Assert.True(narrow.Succeeded, narrow.Message);
    }
}
