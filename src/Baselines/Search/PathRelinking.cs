using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// Path relinking (Glover, Laguna &amp; Martí, "Fundamentals of scatter search and path relinking", 2000) between two
/// orders: walk from one toward the other and return the best order seen on the way. Step k moves the guide's k-th op to
/// position k. That keeps the order topological: positions 0..k−1 already hold the guide's prefix, which contains every
/// predecessor of that op, and its successors all sit after its old position, so position k lies in its legal window.
/// Every order on the path is therefore the guide's first k + 1 ops followed by the rest in the walking order's own
/// relative order, a one-point crossover of the two that is always valid; each is scored exactly by
/// <see cref="OrderProfile"/> before the move is made.
/// </summary>
internal static class PathRelinking
{
    /// <summary>
    /// The order of lowest (peak, peak steps) strictly inside the path from <paramref name="from"/> to
    /// <paramref name="guide"/>, at least <paramref name="margin"/> moves (or a quarter of the path, if shorter) from
    /// either end, so that a descent from it does not simply fall back into either endpoint; ties go to the earliest.
    /// Null when the path has fewer than three moves or the cap cuts it. Work: one scored move per step plus one per
    /// move made (as a kick charges), added to <paramref name="work"/>.
    /// </summary>
    public static (int[] Order, long Peak)? Between(ComputationGraph graph, MemoryModelOptions memory, int[] from, int[] guide, int margin,
        SafetyCap cap, ref long work)
    {
        var profile = new OrderProfile(graph, from, memory);
        int n = graph.OpCount;
        var steps = new List<(int Position, long Peak, int Count)>();
        for (int k = 0; k < n; k++)
        {
            int op = guide[k];
            if (profile.Position(op) == k)
            {
                continue;
            }
            if (cap.ReachedAfter(profile.RebuildWork))
            {
                return null;
            }
            var (peak, count) = profile.Evaluate(op, k);
            work += profile.EvaluationCost + 1;
            profile.Apply(op, k);
            steps.Add((k, peak, count));
        }
        // The last move reaches the guide itself, so the intermediates are all steps but the last.
        int moves = steps.Count;
        if (moves < 3)
        {
            return null;
        }
        int keep = Math.Max(1, Math.Min(margin, moves / 4));
        int chosen = -1;
        for (int s = keep - 1; s < moves - keep; s++)
        {
            if (chosen < 0 || steps[s].Peak < steps[chosen].Peak || (steps[s].Peak == steps[chosen].Peak && steps[s].Count < steps[chosen].Count))
            {
                chosen = s;
            }
        }
        return chosen < 0 ? null : (Crossover(guide, from, steps[chosen].Position + 1), steps[chosen].Peak);
    }

    /// <summary>The first <paramref name="prefix"/> ops of <paramref name="guide"/>, then the others in
    /// <paramref name="rest"/>'s order: the path's order after the move to position prefix − 1.</summary>
    internal static int[] Crossover(int[] guide, int[] rest, int prefix)
    {
        var order = new int[guide.Length];
        var taken = new bool[guide.Length];
        for (int k = 0; k < prefix; k++)
        {
            order[k] = guide[k];
            taken[guide[k]] = true;
        }
        int at = prefix;
        foreach (int op in rest)
        {
            if (!taken[op])
            {
                order[at++] = op;
            }
        }
        return order;
    }
}
