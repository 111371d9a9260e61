using Scheduler.Graphs;

namespace Scheduler.Topoformer.Decoding;

/// <summary>
/// Sampling orders without replacement from the sequential softmax policy: stochastic beam search (Kool, van Hoof &amp;
/// Welling, "Stochastic Beams and Where to Find Them: The Gumbel-Top-k Trick for Sampling Sequences Without
/// Replacement", ICML 2019). Every partial order carries its log-probability φ and a Gumbel-perturbed score G; a child
/// (the prefix plus one ready op) draws G̃ ~ Gumbel(φ_child), and the children of one parent are shifted so that their
/// largest score equals the parent's G. Keeping the k children with the largest G at every step then yields, after N
/// steps, k distinct complete orders that are exactly k samples without replacement from the policy (the Gumbel-top-k
/// of the implicit distribution over all orders), without enumerating it.
/// </summary>
/// <remarks>
/// <para>Cost: per step, each kept prefix draws one Gumbel per ready op (O(k · ready)) and k prefixes copy their run
/// bitset and ready list (O(k · (N/64 + ready))); over an order, O(k · N · (ready + N/64)) time and O(k · N) memory.
/// A parent whose G lies below the k-th best child so far cannot contribute (its children score at most its G), so it
/// is skipped, and a child whose draw cannot reach that threshold is not truncated.</para>
/// <para>Determinism: one <see cref="Random"/> drawn in a fixed order (parents by descending G, ties by their slot;
/// children in ready-list order); selection ties break by (parent slot, ready position).</para>
/// </remarks>
public static class StochasticBeamSampler
{
    /// <summary>
    /// Up to <paramref name="count"/> distinct orders sampled without replacement from softmax(logits / temperature)
    /// over the ready ops, in descending perturbed score (fewer when the graph has fewer topological orders). Returns
    /// null when <paramref name="cap"/> is reached before the orders are complete.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or <paramref name="temperature"/>
    /// is not a positive finite number.</exception>
    public static List<int[]>? Sample(ComputationGraph graph, ReadOnlySpan<float> logits, int count, double temperature, Random random,
        SafetyCap? cap = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        PriorityDecoder.CheckTemperature(temperature);
        int n = graph.OpCount;
        var scaled = new double[n];
        for (int v = 0; v < n; v++)
        {
            scaled[v] = logits[v] / temperature;
        }
        var beam = new List<BeamPrefix> { BeamPrefix.Root(graph) };
        var tree = new PrefixTree(n, count);
        var selection = new ChildSelection(count);
        var pool = new Stack<BeamPrefix>();
        for (int step = 0; step < n; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (cap?.IsReached == true)
            {
                return null;
            }
            selection.Clear();
            for (int b = 0; b < beam.Count; b++)
            {
                if (selection.IsFull && beam[b].Score < selection.Threshold)
                {
                    continue; // every child of b scores at most b's score
                }
                Expand(beam[b], b, scaled, random, selection);
            }
            beam = Advance(graph, beam, selection.Sorted(), tree, step, pool);
        }
        var orders = new List<int[]>(beam.Count);
        foreach (var prefix in beam)
        {
            orders.Add(tree.Order(prefix.Node));
        }
        return orders;
    }

    /// <summary>Draws every child's conditioned Gumbel score and offers it to the selection.</summary>
    private static void Expand(BeamPrefix parent, int slot, double[] scaled, Random random, ChildSelection selection)
    {
        var ready = parent.Ready;
        double max = double.NegativeInfinity;
        for (int i = 0; i < parent.ReadyCount; i++)
        {
            max = Math.Max(max, scaled[ready[i]]);
        }
        double total = 0;
        for (int i = 0; i < parent.ReadyCount; i++)
        {
            total += Math.Exp(scaled[ready[i]] - max);
        }
        double logNormaliser = max + Math.Log(total);
        var perturbed = selection.Scratch(parent.ReadyCount);
        double z = double.NegativeInfinity;
        for (int i = 0; i < parent.ReadyCount; i++)
        {
            double logProbability = parent.LogProbability + scaled[ready[i]] - logNormaliser;
            perturbed[i] = logProbability + Gumbel.Standard(random);
            z = Math.Max(z, perturbed[i]);
        }
        // Once k children are held, only a child whose truncated score can reach the k-th best needs truncating:
        // truncation is increasing in G̃, so that is G̃ at or above the inverse image of the threshold.
        double floor = selection.IsFull ? Gumbel.Untruncate(parent.Score, z, selection.Threshold) : double.NegativeInfinity;
        for (int i = 0; i < parent.ReadyCount; i++)
        {
            if (perturbed[i] < floor)
            {
                continue;
            }
            double logProbability = parent.LogProbability + scaled[ready[i]] - logNormaliser;
            selection.Offer(Gumbel.Truncate(parent.Score, z, perturbed[i]), logProbability, slot, i);
        }
    }

    /// <summary>The kept children (best first) as the next beam: each copies its parent's prefix, except the last
    /// child of a parent, which takes the parent's arrays over; parents left without children go back to the pool.</summary>
    private static List<BeamPrefix> Advance(ComputationGraph graph, List<BeamPrefix> beam, List<Child> kept, PrefixTree tree, int step,
        Stack<BeamPrefix> pool)
    {
        var remaining = new int[beam.Count];
        foreach (var child in kept)
        {
            remaining[child.Parent]++;
        }
        for (int b = 0; b < beam.Count; b++)
        {
            if (remaining[b] == 0)
            {
                pool.Push(beam[b]);
            }
        }
        var next = new List<BeamPrefix>(kept.Count);
        foreach (var child in kept)
        {
            var parent = beam[child.Parent];
            int parentNode = parent.Node;
            var prefix = --remaining[child.Parent] == 0 ? parent : parent.Copy(pool);
            int op = prefix.Ready[child.ReadyIndex];
            prefix.Run(graph, child.ReadyIndex, child.LogProbability, child.Score, tree.Add(step, parentNode, op));
            next.Add(prefix);
        }
        return next;
    }
}
