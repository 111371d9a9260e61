using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs;

/// <summary>
/// The one definition of memory every number in this project uses (docs/DESIGN.md §2). A tensor lives from its producer's
/// step to its last consumer's step; graph outputs live to the end; freeable graph inputs live from the start to their
/// last consumer; resident inputs are a separate constant. The rule itself is written once, in
/// <see cref="MemorySimulator"/>. An optional <see cref="MemoryModelOptions"/> applies the later options (in-place
/// reuse, views); without it the model is <see cref="MemoryModelOptions.Default"/>. The lower bounds
/// (<c>MemoryModel.Bounds.cs</c>) take the same options and hold under them.
/// </summary>
public static partial class MemoryModel
{
    /// <summary>Peak bytes of a valid order under the model with <paramref name="options"/> (null: the default model).</summary>
    /// <exception cref="InvalidScheduleException">The order is not a permutation or violates an edge.</exception>
    public static long Evaluate(ComputationGraph graph, ReadOnlySpan<int> order, MemoryModelOptions? options = null)
    {
        Validate(graph, order);
        var sim = new MemorySimulator(graph, options ?? MemoryModelOptions.Default);
        foreach (int op in order)
        {
            sim.Execute(op);
        }
        return sim.PeakBytes;
    }

    /// <summary>Memory at every step of a valid order (the curve whose maximum is the peak) under the model with
    /// <paramref name="options"/> (null: the default model).</summary>
    /// <exception cref="InvalidScheduleException">The order is not a permutation or violates an edge.</exception>
    public static long[] Profile(ComputationGraph graph, ReadOnlySpan<int> order, MemoryModelOptions? options = null)
    {
        Validate(graph, order);
        var sim = new MemorySimulator(graph, options ?? MemoryModelOptions.Default);
        var profile = new long[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            profile[i] = sim.Execute(order[i]);
        }
        return profile;
    }

    /// <summary>Checks that <paramref name="order"/> is a permutation of the ops and every edge points forward.</summary>
    /// <exception cref="InvalidScheduleException">Names the first problem: a wrong length, a bad or repeated op, or the
    /// first violated edge with both positions.</exception>
    public static void Validate(ComputationGraph graph, ReadOnlySpan<int> order)
    {
        var error = Check(Guard.NotNull(graph, nameof(graph)), order);
        if (error is not null)
        {
            throw error;
        }
    }

    /// <summary>True when the order is valid; otherwise <paramref name="message"/> says why.</summary>
    public static bool IsValid(ComputationGraph graph, ReadOnlySpan<int> order, out string? message)
    {
        message = Check(Guard.NotNull(graph, nameof(graph)), order)?.Message;
        return message is null;
    }

    private static InvalidScheduleException? Check(ComputationGraph graph, ReadOnlySpan<int> order)
    {
        int n = graph.OpCount;
        if (order.Length != n)
        {
            return new InvalidScheduleException($"The order has {order.Length} ops but the graph has {n}.");
        }
        var position = new int[n];
        Array.Fill(position, -1);
        for (int i = 0; i < n; i++)
        {
            int op = order[i];
            if ((uint)op >= (uint)n)
            {
                return new InvalidScheduleException($"Position {i} holds op {op}, but the graph has {n} ops.");
            }
            if (position[op] >= 0)
            {
                return new InvalidScheduleException(
                    $"Op {graph.OpId(op)} appears twice, at positions {position[op]} and {i}.");
            }
            position[op] = i;
        }
        for (int i = 0; i < n; i++)
        {
            int u = order[i];
            foreach (int w in graph.Successors(u))
            {
                if (position[w] < i)
                {
                    return new InvalidScheduleException(
                        $"Edge {graph.OpId(u)}->{graph.OpId(w)} runs backwards: {graph.OpId(u)} is at position {i}, "
                        + $"{graph.OpId(w)} at {position[w]}.", u, w, i, position[w]);
                }
            }
        }
        return null;
    }
}
