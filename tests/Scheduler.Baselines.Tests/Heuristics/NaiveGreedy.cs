using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Heuristics;

/// <summary>
/// Deliberately naive restatements of the list-scheduling heuristics: at every step they scan the whole ready set and
/// recompute every key from scratch, exactly as the Python/C++ originals describe it. The real schedulers keep heaps
/// and trees with lazy updates; on any graph the two must pick the same order.
/// </summary>
internal static class NaiveGreedy
{
    /// <summary>Inductor's LPMF key: (max(live + size, max memory), size − freed, index), smallest first.</summary>
    public static int[] Lpmf(ComputationGraph g)
    {
        var sim = new MemorySimulator(g);
        long maxMemory = sim.LiveBytes;
        return Run(g, ready =>
        {
            int best = -1;
            (long, long, int) bestKey = default;
            foreach (int v in ready)
            {
                long size = g.OutputBytes(v);
                var key = (Math.Max(sim.LiveBytes + size, maxMemory), size - sim.FreedBy(v), v);
                if (best < 0 || key.CompareTo(bestKey) < 0)
                {
                    (best, bestKey) = (v, key);
                }
            }
            maxMemory = Math.Max(maxMemory, sim.LiveBytes + g.OutputBytes(best));
            sim.Execute(best);
            return best;
        });
    }

    /// <summary>XLA's list key: (freed − defined, users) largest first, then the lowest index.</summary>
    public static int[] XlaList(ComputationGraph g)
    {
        var sim = new MemorySimulator(g);
        return Run(g, ready =>
        {
            int best = -1;
            (long, int, int) bestKey = default;
            foreach (int v in ready)
            {
                var key = (sim.FreedBy(v) - g.OutputBytes(v), g.Successors(v).Length, -v);
                if (best < 0 || key.CompareTo(bestKey) > 0)
                {
                    (best, bestKey) = (v, key);
                }
            }
            sim.Execute(best);
            return best;
        });
    }

    /// <summary>Inductor's BFS key: sorted positions of the predecessors (lexicographic), then the index.</summary>
    public static int[] InductorBfs(ComputationGraph g)
    {
        var position = new int[g.OpCount];
        int step = 0;
        return Run(g, ready =>
        {
            int best = -1;
            List<int> bestKey = [];
            foreach (int v in ready)
            {
                var key = new List<int>();
                foreach (int p in g.Predecessors(v))
                {
                    key.Add(position[p]);
                }
                key.Sort();
                if (best < 0 || Compare(key, bestKey) < 0 || (Compare(key, bestKey) == 0 && v < best))
                {
                    (best, bestKey) = (v, key);
                }
            }
            position[best] = step++;
            return best;
        });
    }

    private static int Compare(List<int> a, List<int> b)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }
        return a.Count.CompareTo(b.Count);
    }

    private static int[] Run(ComputationGraph g, Func<List<int>, int> pick) => Orders.ReadyList(g, pick);
}
