using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Topoformer.Decoding;

/// <summary>
/// Turns per-node priorities into topological orders with a ready list (list scheduling): at every step one op whose
/// predecessors have all run is chosen. Plain arrays and a heap, outside autograd; every result is a valid order.
/// </summary>
public static class PriorityDecoder
{
    /// <summary>Decodes one order.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="priorities">One logit per op.</param>
    /// <param name="mode">Greedy, sequential sampling or perturbed greedy.</param>
    /// <param name="random">Randomness for the sampling modes (ignored by greedy).</param>
    public static int[] Decode(ComputationGraph graph, ReadOnlySpan<float> priorities, DecodeMode mode, Random random)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(random);
        if (priorities.Length != graph.OpCount)
        {
            throw new ArgumentException($"Got {priorities.Length} priorities for a graph of {graph.OpCount} ops.", nameof(priorities));
        }
        return mode switch
        {
            DecodeMode.Greedy => Greedy(graph, priorities),
            DecodeMode.Sample => Sample(graph, priorities, random),
            DecodeMode.Perturbed => Greedy(graph, Perturb(priorities, random)),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown decode mode."),
        };
    }

    /// <summary>
    /// Best of <paramref name="count"/> orders by <see cref="MemoryModel.Evaluate"/>; ties keep the earlier sample.
    /// The greedy order is always the first candidate, so best-of-K is never worse than greedy.
    /// </summary>
    public static int[] BestOf(ComputationGraph graph, ReadOnlySpan<float> priorities, int count, DecodeMode mode, int seed,
        CancellationToken cancellationToken = default)
        => BestOf(graph, priorities, count, mode, seed, null, cancellationToken).Order;

    /// <summary><see cref="BestOf(ComputationGraph, ReadOnlySpan{float}, int, DecodeMode, int, CancellationToken)"/>
    /// that stops drawing once <paramref name="cap"/> is reached; returns the best order and how many were drawn.</summary>
    internal static (int[] Order, int Drawn) BestOf(ComputationGraph graph, ReadOnlySpan<float> priorities, int count, DecodeMode mode, int seed,
        SafetyCap? cap, CancellationToken cancellationToken)
        => BestOf(graph, priorities, count, mode, seed, cap, MemoryModelOptions.Default, cancellationToken);

    /// <summary>Best of the samples compared under the memory model with <paramref name="memory"/>.</summary>
    internal static (int[] Order, int Drawn) BestOf(ComputationGraph graph, ReadOnlySpan<float> priorities, int count, DecodeMode mode, int seed,
        SafetyCap? cap, MemoryModelOptions memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var random = new Random(seed);
        int[] best = Decode(graph, priorities, DecodeMode.Greedy, random);
        long bestPeak = MemoryModel.Evaluate(graph, best, memory);
        int drawn = 1;
        for (; drawn < count && cap?.IsReached != true; drawn++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int[] order = Decode(graph, priorities, mode, random);
            long peak = MemoryModel.Evaluate(graph, order, memory);
            if (peak < bestPeak)
            {
                (best, bestPeak) = (order, peak);
            }
        }
        return (best, drawn);
    }

    /// <summary>Highest priority first, ties to the lower index (input order).</summary>
    private static int[] Greedy(ComputationGraph graph, ReadOnlySpan<float> priorities)
    {
        var p = priorities.ToArray();
        return ReadyList<(float, int)>.Order(graph, v => (-p[v], v));
    }

    /// <summary>At each step draws from softmax(logits) restricted to the ready ops; O(N · ready) per order.</summary>
    private static int[] Sample(ComputationGraph graph, ReadOnlySpan<float> logits, Random random)
    {
        int n = graph.OpCount;
        var tracker = new ReadyTracker(graph);
        var ready = new List<int>();
        foreach (int v in tracker.Sources)
        {
            ready.Add(v);
        }
        var order = new int[n];
        var weights = new double[n];
        for (int t = 0; t < n; t++)
        {
            double max = double.NegativeInfinity;
            foreach (int v in ready)
            {
                max = Math.Max(max, logits[v]);
            }
            double total = 0;
            for (int i = 0; i < ready.Count; i++)
            {
                weights[i] = Math.Exp(logits[ready[i]] - max);
                total += weights[i];
            }
            double r = random.NextDouble() * total;
            int pick = ready.Count - 1;
            for (int i = 0; i < ready.Count - 1; i++)
            {
                r -= weights[i];
                if (r < 0)
                {
                    pick = i;
                    break;
                }
            }
            int u = ready[pick];
            ready[pick] = ready[^1];
            ready.RemoveAt(ready.Count - 1);
            order[t] = u;
            foreach (int w in tracker.Run(u))
            {
                ready.Add(w);
            }
        }
        return order;
    }

    /// <summary>Adds standard Gumbel noise −log(−log U) to every priority (Gumbel-max trick).</summary>
    private static float[] Perturb(ReadOnlySpan<float> priorities, Random random)
    {
        var noisy = new float[priorities.Length];
        for (int i = 0; i < noisy.Length; i++)
        {
            double u = 1.0 - random.NextDouble(); // (0, 1]
            noisy[i] = (float)(priorities[i] - Math.Log(-Math.Log(u) + 1e-300));
        }
        return noisy;
    }
}
