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
        => Decode(graph, priorities, mode, random, 1.0);

    /// <summary>Decodes one order, sampling from softmax(logits / <paramref name="temperature"/>): above 1 flatter
    /// (more exploration), below 1 sharper; greedy ignores it. Perturbed greedy divides the priorities likewise.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not a positive finite number.</exception>
    public static int[] Decode(ComputationGraph graph, ReadOnlySpan<float> priorities, DecodeMode mode, Random random, double temperature)
    {
        CheckTemperature(temperature);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(random);
        if (priorities.Length != graph.OpCount)
        {
            throw new ArgumentException($"Got {priorities.Length} priorities for a graph of {graph.OpCount} ops.", nameof(priorities));
        }
        return mode switch
        {
            DecodeMode.Greedy => Greedy(graph, priorities),
            DecodeMode.Sample or DecodeMode.StochasticBeam => Sample(graph, Scale(priorities, temperature), random),
            DecodeMode.Perturbed => Greedy(graph, Perturb(Scale(priorities, temperature), random)),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown decode mode."),
        };
    }

    /// <summary>
    /// Best of <paramref name="count"/> orders by <see cref="MemoryModel.Evaluate"/>; ties keep the earlier sample.
    /// The greedy order is always the first candidate, so best-of-K is never worse than greedy.
    /// </summary>
    public static int[] BestOf(ComputationGraph graph, ReadOnlySpan<float> priorities, int count, DecodeMode mode, int seed,
        CancellationToken cancellationToken = default)
        => BestOf(graph, priorities, count, mode, seed, 1.0, null, cancellationToken).Order;

    /// <summary>
    /// Best of the greedy order and <paramref name="count"/> − 1 orders drawn by <paramref name="mode"/> at
    /// <paramref name="temperature"/> (<see cref="DecodeMode.StochasticBeam"/>: distinct orders, without replacement);
    /// ties keep the earlier candidate. Stops once <paramref name="cap"/> is reached (stochastic beam search cannot
    /// stop part-way and then keeps only the greedy order). Returns the best order, how many candidates were scored
    /// (fewer than <paramref name="count"/> also when the graph has fewer distinct orders) and whether the cap cut it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not a positive finite number.</exception>
    public static (int[] Order, int Drawn, bool Capped) BestOf(ComputationGraph graph, ReadOnlySpan<float> priorities, int count, DecodeMode mode, int seed,
        double temperature, SafetyCap? cap, CancellationToken cancellationToken)
        => BestOf(graph, priorities, count, mode, seed, temperature, cap, MemoryModelOptions.Default, cancellationToken);

    /// <summary>As above, with the candidates compared under the memory model with <paramref name="memory"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not a positive finite number.</exception>
    public static (int[] Order, int Drawn, bool Capped) BestOf(ComputationGraph graph, ReadOnlySpan<float> priorities, int count, DecodeMode mode, int seed,
        double temperature, SafetyCap? cap, MemoryModelOptions memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        CheckTemperature(temperature);
        var random = new Random(seed);
        var best = new Incumbent(graph, memory, Decode(graph, priorities, DecodeMode.Greedy, random));
        if (mode == DecodeMode.StochasticBeam)
        {
            var orders = count < 2 ? [] : StochasticBeamSampler.Sample(graph, priorities, count - 1, temperature, random, cap, cancellationToken);
            foreach (int[] order in orders ?? [])
            {
                best.Offer(order);
            }
            return (best.Order, 1 + (orders?.Count ?? 0), orders is null);
        }
        int drawn = 1;
        for (; drawn < count && cap?.IsReached != true; drawn++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            best.Offer(Decode(graph, priorities, mode, random, temperature));
        }
        return (best.Order, drawn, drawn < count);
    }

    /// <summary>Throws unless <paramref name="temperature"/> is a positive finite number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static void CheckTemperature(double temperature)
    {
        if (!double.IsFinite(temperature) || temperature <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, $"The sampling temperature must be a positive finite number, got {temperature}.");
        }
    }

    private static float[] Scale(ReadOnlySpan<float> priorities, double temperature)
    {
        var scaled = new float[priorities.Length];
        for (int i = 0; i < scaled.Length; i++)
        {
            scaled[i] = (float)(priorities[i] / temperature);
        }
        return scaled;
    }

    /// <summary>The lowest-peak order seen so far (the earlier one on ties).</summary>
    private sealed class Incumbent(ComputationGraph graph, MemoryModelOptions memory, int[] first)
    {
        private long _peak = MemoryModel.Evaluate(graph, first, memory);

        public int[] Order { get; private set; } = first;

        public void Offer(int[] order)
        {
            long peak = MemoryModel.Evaluate(graph, order, memory);
            if (peak < _peak)
            {
                (Order, _peak) = (order, peak);
            }
        }
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
