using BenchmarkDotNet.Attributes;
using Scheduler.Baselines;
using Scheduler.Graphs;
using Scheduler.Graphs.Generators;

namespace Scheduler.Benchmarks;

/// <summary>Time of every heuristic in <see cref="HeuristicCatalog"/> on one layered graph per size (fixed seed).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class HeuristicBenchmarks
{
    private ComputationGraph _graph = null!;
    private IScheduler _scheduler = null!;

    /// <summary>Graph size in ops.</summary>
    [Params(500, 1000, 2000)]
    public int Nodes { get; set; }

    /// <summary>Catalog id of the heuristic.</summary>
    [ParamsSource(nameof(Names))]
    public string Heuristic { get; set; } = "";

    /// <summary>Every heuristic id.</summary>
    public static IEnumerable<string> Names()
    {
        foreach (var d in HeuristicCatalog.All)
        {
            yield return d.Name;
        }
    }

    /// <summary>Builds the graph and the scheduler (default settings: <c>random</c> is best of 16).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: Nodes), seed: 42);
        foreach (var d in HeuristicCatalog.All)
        {
            if (d.Name == Heuristic)
            {
                _scheduler = d.Create(SchedulerSettings.Default);
            }
        }
    }

    /// <summary>One order.</summary>
    [Benchmark]
    public int[] Order() => _scheduler.Order(_graph);
}
