using BenchmarkDotNet.Attributes;
using Scheduler.Graphs;
using Scheduler.Graphs.Generators;
using Scheduler.Graphs.Topology;

namespace Scheduler.Benchmarks;

/// <summary>Time to score an order with <see cref="MemoryModel"/> on the graphs of <see cref="HeuristicBenchmarks"/>.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class MemoryModelBenchmarks
{
    private ComputationGraph _graph = null!;
    private int[] _order = [];

    /// <summary>Graph size in ops.</summary>
    [Params(500, 1000, 2000)]
    public int Nodes { get; set; }

    /// <summary>Builds the graph (same seed as the heuristic benchmarks) and a Kahn order to score.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: Nodes), seed: 42);
        _order = TopologicalSort.KahnOrder(_graph);
    }

    /// <summary>Validate and simulate: the peak.</summary>
    [Benchmark]
    public long Evaluate() => MemoryModel.Evaluate(_graph, _order);

    /// <summary>The working-set lower bound.</summary>
    [Benchmark]
    public long WorkingSetBound() => MemoryModel.WorkingSetBound(_graph);
}
