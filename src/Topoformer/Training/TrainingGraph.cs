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
        LowerBound = Math.Max(1, MemoryModel.LowerBound(graph));
        _teacherOf = teacherOf;
    }

    public ComputationGraph Graph { get; }

    public GraphEncoding Encoding { get; }

    /// <summary>max(working-set, cut) bound, at least 1 byte.</summary>
    public long LowerBound { get; }

    /// <summary>The imitation target, computed on first use.</summary>
    public int[] Teacher => _teacher ??= _teacherOf(Graph);

    /// <summary>peak(order) / lower bound: the cost REINFORCE minimises (1 = provably optimal).</summary>
    public double Cost(int[] order) => (double)MemoryModel.Evaluate(Graph, order) / LowerBound;

    /// <summary>The teacher function named in a config.</summary>
    public static Func<ComputationGraph, int[]> TeacherFunction(string name) => name switch
    {
        "kahn" => SimpleOrders.Kahn,
        "memory-greedy" => SimpleOrders.MemoryGreedy,
        "dfs" => SimpleOrders.DfsPostOrder,
        _ => SimpleOrders.BestSimple,
    };
}
