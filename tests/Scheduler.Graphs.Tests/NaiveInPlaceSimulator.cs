using Scheduler.Graphs;

namespace Scheduler.Graphs.Tests;

/// <summary>
/// A deliberately naive re-statement of the in-place rule, to check <see cref="MemorySimulator"/>: reuse is decided
/// from positions (v is t's last consumer when no consumer of t sits after v), storages are tracked as explicit owner
/// ids, and at every step the memory is rebuilt from scratch as the sizes of the distinct storages holding a live tensor.
/// </summary>
internal static class NaiveInPlaceSimulator
{
    public static long Peak(ComputationGraph g, IReadOnlyList<int> order, MemoryModelOptions options)
    {
        var pos = new int[g.OpCount];
        for (int i = 0; i < order.Count; i++)
        {
            pos[order[i]] = i;
        }
        var storage = Storages(g, order, pos, options);
        long peak = 0;
        for (int step = 0; step < order.Count; step++)
        {
            var live = new HashSet<int>();
            for (int t = 0; t < g.TensorCount; t++)
            {
                if (!g.IsResident(t) && IsLive(g, t, step, pos))
                {
                    live.Add(storage[t]);
                }
            }
            long mem = 0;
            foreach (int s in live)
            {
                mem += g.TensorSize(s);
            }
            peak = Math.Max(peak, mem);
        }
        return peak;
    }

    /// <summary>Per tensor, the id of the storage it sits in (its own id, or its donor's storage).</summary>
    public static int[] Storages(ComputationGraph g, IReadOnlyList<int> order, int[] pos, MemoryModelOptions options)
    {
        var storage = Enumerable.Range(0, g.TensorCount).ToArray();
        for (int step = 0; step < order.Count; step++)
        {
            int v = order[step];
            if (!options.InPlace || !options.ElementWiseOps.Contains(g.OpType(v)))
            {
                continue;
            }
            var taken = new List<int>();
            foreach (int o in g.Outputs(v).ToArray())
            {
                foreach (int t in g.Inputs(v).ToArray())
                {
                    bool lastReader = g.Consumers(t).ToArray().All(c => pos[c] <= step);
                    if (lastReader && !g.IsGraphOutput(t) && !g.IsResident(t) && g.TensorSize(t) == g.TensorSize(o)
                        && g.TensorSize(o) > 0 && !taken.Contains(t))
                    {
                        taken.Add(t);
                        storage[o] = storage[t];
                        break;
                    }
                }
            }
        }
        return storage;
    }

    /// <summary>Live at <paramref name="step"/>: made by then and read at or after it (or kept as a graph output), or
    /// made at it.</summary>
    public static bool IsLive(ComputationGraph g, int t, int step, int[] pos)
    {
        int p = g.Producer(t);
        if (p >= 0 && pos[p] == step)
        {
            return true;
        }
        if (p >= 0 && pos[p] > step)
        {
            return false;
        }
        bool needed = g.IsGraphOutput(t) && p >= 0;
        foreach (int c in g.Consumers(t).ToArray())
        {
            needed |= pos[c] >= step;
        }
        return needed;
    }
}
