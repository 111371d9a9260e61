using System.Diagnostics;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// <c>lpmf</c>: least-peak-memory-first, PyTorch Inductor's <c>topological_sort_lpmf</c>
/// (<c>torch/_inductor/memory.py</c>), after the greedy of "Buffer memory optimization for video codec
/// application modeled in Simulink" (DAC 2006). The greedy keeps the peak so far. Among the ready ops, those whose step
/// (live bytes + their outputs) fits under that peak cost nothing extra; of those it runs the one with the best net
/// effect (allocated − freed). If none fits, it runs the one with the smallest allocation (then best net). Ties go to
/// input order. Net bytes only fall while an op waits (an input reaching its last use makes it free more), so a change is
/// pushed into the ready structure only for the op that becomes the last user — never by rescanning the ready set.
/// O((V + E) log V).
/// </summary>
public sealed class LpmfScheduler : IScheduler
{
    private readonly MemoryModelOptions _memory;

    /// <summary>The greedy under the memory model with <paramref name="memory"/> (null: the default model). Under
    /// views or in-place reuse its keys read the simulator of that model; a key refreshed only when a tensor drops to
    /// one use may go stale for a reader of an alias, which only changes which op the greedy prefers.</summary>
    public LpmfScheduler(MemoryModelOptions? memory = null) => _memory = memory ?? MemoryModelOptions.Default;

    /// <inheritdoc/>
    public string Name => "lpmf";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Run(graph, _memory, cancellationToken).Order;

    /// <summary>The order and the peak the greedy's own simulator saw (a debug hook: it must equal the model's).</summary>
    internal static (int[] Order, long PeakBytes) Run(ComputationGraph graph, CancellationToken cancellationToken)
        => Run(graph, MemoryModelOptions.Default, cancellationToken);

    /// <summary>The order and the simulator's peak under <paramref name="memory"/>.</summary>
    internal static (int[] Order, long PeakBytes) Run(ComputationGraph graph, MemoryModelOptions memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.OpCount;
        var sim = new MemorySimulator(graph, memory);
        long initialLive = sim.LiveBytes;
        var byRank = new int[n];
        var allocation = new long[n];
        for (int v = 0; v < n; v++)
        {
            byRank[v] = v;
            allocation[v] = sim.AllocatedBytes(v);
        }
        // Rank = position in (allocation, index) order; equal allocations form one contiguous run of ranks.
        Array.Sort(byRank, (a, b) => allocation[a] != allocation[b] ? allocation[a].CompareTo(allocation[b]) : a.CompareTo(b));
        var sortedAllocation = new long[n];
        var rankOf = new int[n];
        for (int r = 0; r < n; r++)
        {
            rankOf[byRank[r]] = r;
            sortedAllocation[r] = allocation[byRank[r]];
        }
        var runEnd = new int[n];
        for (int r = n - 1; r >= 0; r--)
        {
            runEnd[r] = r + 1 < n && sortedAllocation[r + 1] == sortedAllocation[r] ? runEnd[r + 1] : r + 1;
        }
        var net = new long[n];
        var tree = new LpmfReadyTree(n, net);
        var smallest = new PriorityQueue<int, int>(n);
        var ready = new ReadyTracker(graph);
        foreach (int v in ready.Sources)
        {
            MakeReady(v);
        }
        var order = new int[n];
        for (int step = 0; step < n; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int pick = Pick();
            tree.Set(rankOf[pick], -1);
            order[step] = pick;
            sim.Execute(pick);
            var released = ready.Run(pick);
            // A just-released successor may also be refreshed here; MakeReady then sets the same net bytes again.
            RefreshLastUsers(pick);
            foreach (int w in released)
            {
                MakeReady(w);
            }
        }
        return (order, sim.PeakBytes);

        void MakeReady(int v)
        {
            net[v] = allocation[v] - sim.ReusedBytes(v) - sim.FreedBy(v);
            tree.Set(rankOf[v], v);
            smallest.Enqueue(rankOf[v], rankOf[v]);
        }

        int Pick()
        {
            // Ops with allocation <= peak - live fit under the peak so far: a prefix of the ranks. As in Inductor, the
            // peak so far starts at the initially live bytes (freeable graph inputs).
            long room = Math.Max(sim.PeakBytes, initialLive) - sim.LiveBytes;
            int fits = UpperBound(sortedAllocation, room);
            int pick = fits > 0 ? tree.Query(0, fits) : -1;
            if (pick >= 0)
            {
                return pick;
            }
            // Lazily drop ranks already scheduled; the smallest ready rank has the smallest allocation.
            while (ready.HasRun(byRank[smallest.Peek()]))
            {
                smallest.Dequeue();
            }
            int first = smallest.Peek();
            pick = tree.Query(first, runEnd[first]);
            Debug.Assert(pick >= 0, "The smallest ready rank is in its own run.");
            return pick;
        }

        void RefreshLastUsers(int ran)
        {
            foreach (int t in graph.Inputs(ran))
            {
                if (sim.RemainingUses(t) != 1)
                {
                    continue;
                }
                // Each tensor drops to one remaining use once, so these scans cost O(E) in total.
                foreach (int c in graph.Consumers(t))
                {
                    if (ready.IsReady(c))
                    {
                        net[c] = allocation[c] - sim.ReusedBytes(c) - sim.FreedBy(c);
                        tree.Set(rankOf[c], c);
                    }
                }
            }
        }
    }

    /// <summary>Number of entries of the ascending <paramref name="values"/> that are at most <paramref name="limit"/>.</summary>
    private static int UpperBound(long[] values, long limit)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (values[mid] <= limit)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
