using Scheduler.Graphs;

namespace Scheduler.Testing;

/// <summary>
/// A deliberately naive re-statement of the memory model with its options (docs/DESIGN.md §2), written from the rules and
/// not from <see cref="MemorySimulator"/>: every tensor gets a buffer id by walking the order once (a view takes its
/// source's buffer; an in-place output takes the buffer of an input whose every reader, through any tensor in that
/// buffer, has run by this step and is read once here), then at every step the memory is rebuilt from scratch as the
/// sizes of the distinct non-resident buffers holding a tensor live at that step (<see cref="IsLive"/>). Under the
/// default options it equals <see cref="NaiveSimulator.Peak"/>.
/// </summary>
public static class NaiveStorageSimulator
{
    /// <summary>The peak of <paramref name="order"/> under <paramref name="options"/>.</summary>
    public static long Peak(ComputationGraph g, IReadOnlyList<int> order, MemoryModelOptions options)
    {
        var pos = Positions(g, order);
        var buffer = Buffers(g, order, pos, options);
        long peak = 0;
        for (int step = 0; step < order.Count; step++)
        {
            var live = new HashSet<int>();
            for (int t = 0; t < g.TensorCount; t++)
            {
                if (IsLive(g, t, step, pos) && !g.IsResident(buffer[t]))
                {
                    live.Add(buffer[t]);
                }
            }
            peak = Math.Max(peak, live.Sum(b => g.TensorSize(b)));
        }
        return peak;
    }

    /// <summary>Per tensor, the tensor whose allocation holds it (itself, a view's source's, or a donor's).</summary>
    public static int[] Buffers(ComputationGraph g, IReadOnlyList<int> order, int[] pos, MemoryModelOptions options)
    {
        var buffer = Enumerable.Range(0, g.TensorCount).ToArray();
        for (int step = 0; step < order.Count; step++)
        {
            int v = order[step];
            var taken = new List<int>();
            foreach (int o in g.Outputs(v).ToArray())
            {
                if (options.Views && g.AliasOf(o) >= 0)
                {
                    buffer[o] = buffer[g.AliasOf(o)];
                    continue;
                }
                if (!options.InPlace || !options.ElementWiseOps.Contains(g.OpType(v)) || g.TensorSize(o) == 0)
                {
                    continue;
                }
                foreach (int t in g.Inputs(v).ToArray())
                {
                    int b = buffer[t];
                    if (!taken.Contains(b) && g.TensorSize(b) == g.TensorSize(o) && Donates(g, b, buffer, v, step, pos))
                    {
                        taken.Add(b);
                        buffer[o] = b;
                        break;
                    }
                }
            }
        }
        return buffer;
    }

    /// <summary>Buffer <paramref name="b"/> may be overwritten at <paramref name="step"/> by op <paramref name="v"/>:
    /// not resident, no tensor in it is a graph output, and of all reads of tensors in it (assigned so far) exactly one
    /// is at or after this step, and it is v's.</summary>
    private static bool Donates(ComputationGraph g, int b, int[] buffer, int v, int step, int[] pos)
    {
        if (g.IsResident(b))
        {
            return false;
        }
        int pending = 0;
        for (int u = 0; u < g.TensorCount; u++)
        {
            if (buffer[u] != b || (g.Producer(u) >= 0 && pos[g.Producer(u)] > step))
            {
                continue;
            }
            if (g.IsGraphOutput(u))
            {
                return false;
            }
            foreach (int c in g.Consumers(u).ToArray())
            {
                if (pos[c] > step || (pos[c] == step && c != v))
                {
                    return false;
                }
                pending += pos[c] == step ? 1 : 0;
            }
        }
        return pending == 1;
    }

    /// <summary>Live at <paramref name="step"/>: made at it, or made before and read at or after it (or kept as a
    /// graph output); a freeable input is made before the first step.</summary>
    public static bool IsLive(ComputationGraph g, int t, int step, int[] pos)
    {
        int p = g.Producer(t);
        if (p >= 0 && pos[p] >= step)
        {
            return pos[p] == step;
        }
        bool needed = g.IsGraphOutput(t) && p >= 0;
        foreach (int c in g.Consumers(t).ToArray())
        {
            needed |= pos[c] >= step;
        }
        return needed;
    }

    /// <summary>Exact optimum under <paramref name="options"/> by enumerating every order (tiny graphs only).</summary>
    public static long OptimalPeak(ComputationGraph g, MemoryModelOptions options)
        => NaiveSimulator.AllOrders(g).Min(o => Peak(g, o, options));

    private static int[] Positions(ComputationGraph g, IReadOnlyList<int> order)
    {
        var pos = new int[g.OpCount];
        for (int i = 0; i < order.Count; i++)
        {
            pos[order[i]] = i;
        }
        return pos;
    }
}
