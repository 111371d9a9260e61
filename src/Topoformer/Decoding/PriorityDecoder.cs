using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Topoformer.Decoding;

/// <summary>
/// Turns per-node priorities into topological orders with a ready list (list scheduling): at every step one op whose
/// predecessors have all run is chosen. Plain arrays and a heap, outside autograd; every result is a valid order.
/// With a memory weight w &gt; 0 (memory-aware decoding, our addition to the paper's decoder) each ready op's logit is
/// lowered by w × the bytes running it now would add to the live set (<see cref="NetAllocation"/>), so the choice at
/// every step also sees the state; w = 0 is the paper's decoder, and the one training samples from.
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
        => Decode(graph, priorities, mode, random, temperature, 0, null);

    /// <summary>Decodes one order with memory-aware logits: <paramref name="memoryWeight"/> × the net bytes of each ready op
    /// under <paramref name="memory"/> (null: the default model) is subtracted from its logit at every step, and a
    /// sampling mode divides that memory-aware logit by the temperature; 0 decodes the priorities alone.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not a positive finite number, or
    /// <paramref name="memoryWeight"/> is not a finite number ≥ 0.</exception>
    public static int[] Decode(ComputationGraph graph, ReadOnlySpan<float> priorities, DecodeMode mode, Random random, double temperature,
        double memoryWeight, MemoryModelOptions? memory)
    {
        CheckTemperature(temperature);
        CheckMemoryWeight(memoryWeight);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(random);
        CheckPriorities(graph, priorities);
        return DecodeWith(graph, priorities, mode, random, temperature, Term(graph, TermWeight(mode, memoryWeight, temperature), memory));
    }

    /// <summary>The weight of the term as the decoder applies it, to logits already divided by the temperature: the
    /// temperature scales the whole memory-aware logit (s − W·term) / T, so a sample at T is a draw from the policy the
    /// greedy decode maximises, sharpened or flattened — not the priorities sharpened under an unchanged term. (Applied
    /// after the temperature instead, as until 2026-12-03, best of 16 at T = 0.5 was 0.58–2.72% worse on the mean in each
    /// of twelve held-out sets of layered graphs of 500–2000 ops; docs/results/memory-aware-decoding.md.) Greedy ignores the temperature.</summary>
    private static double TermWeight(DecodeMode mode, double memoryWeight, double temperature)
        => mode == DecodeMode.Greedy ? memoryWeight : memoryWeight / temperature;

    /// <summary>The memory-aware term for <paramref name="graph"/>, or null for the paper's decoder (weight 0).</summary>
    private static NetAllocation? Term(ComputationGraph graph, double memoryWeight, MemoryModelOptions? memory)
        => memoryWeight > 0 ? new NetAllocation(graph, memory ?? MemoryModelOptions.Default, memoryWeight) : null;

    /// <summary>One order, arguments checked; <paramref name="term"/> starts from the empty schedule (it is reset here).</summary>
    private static int[] DecodeWith(ComputationGraph graph, ReadOnlySpan<float> priorities, DecodeMode mode, Random random, double temperature,
        NetAllocation? term)
    {
        term?.Reset();
        return mode switch
        {
            DecodeMode.Greedy => Greedy(graph, priorities, term),
            DecodeMode.Sample or DecodeMode.StochasticBeam => Sample(graph, Scale(priorities, temperature), random, term),
            DecodeMode.Perturbed => Greedy(graph, Perturb(Scale(priorities, temperature), random), term),
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
        => BestOf(graph, priorities, count, mode, seed, temperature, 0, cap, memory, cancellationToken);

    /// <summary>As above, every candidate (the greedy one included) decoded with memory-aware logits of weight
    /// <paramref name="memoryWeight"/> under <paramref name="memory"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not a positive finite number, or
    /// <paramref name="memoryWeight"/> is not a finite number ≥ 0.</exception>
    /// <exception cref="ArgumentException">A memory weight with <see cref="DecodeMode.StochasticBeam"/>, whose prefixes
    /// carry the priorities' log-probabilities alone.</exception>
    public static (int[] Order, int Drawn, bool Capped) BestOf(ComputationGraph graph, ReadOnlySpan<float> priorities, int count, DecodeMode mode, int seed,
        double temperature, double memoryWeight, SafetyCap? cap, MemoryModelOptions memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        CheckTemperature(temperature);
        CheckMemoryWeight(memoryWeight);
        if (mode == DecodeMode.StochasticBeam && memoryWeight > 0)
        {
            throw new ArgumentException("Stochastic beam search samples from the priorities alone; use a memory weight of 0 with it.", nameof(memoryWeight));
        }
        CheckPriorities(graph, priorities);
        var random = new Random(seed);
        // Built once each, reset for every candidate.
        var greedyTerm = Term(graph, memoryWeight, memory);
        double weight = TermWeight(mode, memoryWeight, temperature);
        var term = weight == memoryWeight ? greedyTerm : Term(graph, weight, memory);
        var best = new Incumbent(graph, memory, DecodeWith(graph, priorities, DecodeMode.Greedy, random, 1.0, greedyTerm));
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
            best.Offer(DecodeWith(graph, priorities, mode, random, temperature, term));
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

    private static void CheckPriorities(ComputationGraph graph, ReadOnlySpan<float> priorities)
    {
        if (priorities.Length != graph.OpCount)
        {
            throw new ArgumentException($"Got {priorities.Length} priorities for a graph of {graph.OpCount} ops.", nameof(priorities));
        }
    }

    /// <summary>Throws unless <paramref name="weight"/> is a finite number ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static void CheckMemoryWeight(double weight)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"The memory weight must be a finite number of at least 0, got {weight}.");
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

    /// <summary>Highest priority first, ties to the lower index (input order); with <paramref name="term"/>, highest
    /// priority less the term, which changes as the order runs: an op's key is recomputed whenever running another op
    /// may have changed its term (<see cref="NetAllocation.Affected"/>), so a step costs O(log N) per affected op.</summary>
    private static int[] Greedy(ComputationGraph graph, ReadOnlySpan<float> priorities, NetAllocation? term)
    {
        var p = priorities.ToArray();
        if (term is null)
        {
            return ReadyList<(float, int)>.Order(graph, v => (-p[v], v));
        }
        var ready = new ReadyList<(double, int)>(graph, v => (term.Of(v) - p[v], v));
        var order = new int[graph.OpCount];
        for (int step = 0; step < order.Length; step++)
        {
            int u = ready.Pop();
            order[step] = u;
            term.Run(u);
            ready.Release(u);
            foreach (int c in term.Affected(u))
            {
                if (ready.IsReady(c))
                {
                    ready.Rekey(c);
                }
            }
        }
        return order;
    }

    /// <summary>At each step draws from softmax(logits − term) restricted to the ready ops; O(N · ready) per order. The
    /// term of an op is computed when it becomes ready and again whenever running another op may have changed it.</summary>
    private static int[] Sample(ComputationGraph graph, ReadOnlySpan<float> logits, Random random, NetAllocation? term)
    {
        int n = graph.OpCount;
        var tracker = new ReadyTracker(graph);
        var ready = new List<int>();
        // The logits in force: the network's, or theirs less the term, kept up to date for the ready ops.
        var score = new double[n];
        for (int v = 0; v < n; v++)
        {
            score[v] = logits[v];
        }
        foreach (int v in tracker.Sources)
        {
            ready.Add(v);
            score[v] -= term?.Of(v) ?? 0;
        }
        var order = new int[n];
        var weights = new double[n];
        for (int t = 0; t < n; t++)
        {
            double max = double.NegativeInfinity;
            foreach (int v in ready)
            {
                max = Math.Max(max, score[v]);
            }
            double total = 0;
            for (int i = 0; i < ready.Count; i++)
            {
                weights[i] = Math.Exp(score[ready[i]] - max);
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
            term?.Run(u);
            foreach (int w in tracker.Run(u))
            {
                ready.Add(w);
                score[w] = logits[w] - (term?.Of(w) ?? 0);
            }
            if (term is not null)
            {
                foreach (int c in term.Affected(u))
                {
                    if (tracker.IsReady(c))
                    {
                        score[c] = logits[c] - term.Of(c);
                    }
                }
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
