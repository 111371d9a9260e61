using Scheduler.Baselines;
using Scheduler.Graphs;

namespace Scheduler.Topoformer.Training;

/// <summary>A graph prepared for training: its encoding, its lower bound (the cost's denominator) and a teacher order.</summary>
internal sealed class TrainingGraph
{
    private int[]? _teacher;
    private readonly Func<ComputationGraph, int[]> _teacherOf;

    public TrainingGraph(ComputationGraph graph, TopoformerOptions options, Func<ComputationGraph, int[]> teacherOf)
    {
        Graph = graph;
        Encoding = GraphEncoding.Create(graph, options);
        Analysis = new GraphAnalysis(graph);
        LowerBound = Math.Max(1, Analysis.CutLowerBound);
        _teacherOf = teacherOf;
    }

    public ComputationGraph Graph { get; }

    public GraphEncoding Encoding { get; }

    /// <summary>The graph's analysis (bounds, reachability), shared with the expert search.</summary>
    public GraphAnalysis Analysis { get; }

    /// <summary>max(working-set, cut) bound, at least 1 byte.</summary>
    public long LowerBound { get; }

    /// <summary>The imitation target, computed on first use.</summary>
    public int[] Teacher => _teacher ??= _teacherOf(Graph);

    /// <summary>peak(order) / lower bound: the cost REINFORCE minimises (1 = provably optimal).</summary>
    public double Cost(int[] order) => (double)MemoryModel.Evaluate(Graph, order) / LowerBound;

    /// <summary>
    /// The teacher named in a config, taken from <see cref="HeuristicCatalog"/> so that a name means what the same
    /// <c>--method</c> means: any heuristic id (<c>bfs</c>, <c>dfs</c>, <c>lpmf</c>, ...), plus the config's historical
    /// names <c>kahn</c> (= <c>bfs</c>, Kahn's FIFO order), <c>memory-greedy</c> (= <c>xla-list</c>, the greedy on
    /// freed minus defined bytes) and <c>best-simple</c> (the lowest peak of those two and <c>dfs</c>, ties in that
    /// order).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> names no teacher.</exception>
    public static Func<ComputationGraph, int[]> TeacherFunction(string name) => name switch
    {
        "kahn" => BestOf([Heuristic("bfs")]),
        "memory-greedy" => BestOf([Heuristic("xla-list")]),
        "best-simple" => BestOf([Heuristic("bfs"), Heuristic("xla-list"), Heuristic("dfs")]),
        _ => BestOf([Heuristic(name)]),
    };

    private static IScheduler Heuristic(string name)
        => HeuristicCatalog.All.FirstOrDefault(d => d.Name == name)?.Create(SchedulerSettings.Default)
           ?? throw new ArgumentException($"Unknown imitation teacher '{name}'. Known: kahn, memory-greedy, best-simple, "
               + $"{string.Join(", ", HeuristicCatalog.All.Select(d => d.Name))}.", nameof(name));

    /// <summary>The lowest-peak order of <paramref name="teachers"/> (just the order when there is one).</summary>
    private static Func<ComputationGraph, int[]> BestOf(IScheduler[] teachers) => graph =>
    {
        int[] best = teachers[0].Order(graph);
        if (teachers.Length == 1)
        {
            return best;
        }
        long bestPeak = MemoryModel.Evaluate(graph, best);
        for (int i = 1; i < teachers.Length; i++)
        {
            int[] order = teachers[i].Order(graph);
            long peak = MemoryModel.Evaluate(graph, order);
            if (peak < bestPeak)
            {
                (best, bestPeak) = (order, peak);
            }
        }
        return best;
    };
}
