using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// <c>xla-list</c>: XLA's <c>ListScheduler</c> (<c>xla/service/hlo_memory_scheduler.cc</c>). A ready op's priority is
/// the bytes running it would free minus the bytes it defines, then its number of users (more first); the highest runs
/// next, ties in input order (XLA's multimap takes the last inserted instead; input order keeps us deterministic across
/// builders). When a tensor drops to one remaining use, its last user frees more if run, so only that op is
/// re-prioritised (<see cref="ReadyList{TKey}.Rekey"/>: the stale entry is skipped when popped, lazy invalidation).
/// XLA's special cases for scalars and infeed/outfeed have no counterpart here. O((V + E) log V).
/// </summary>
/// <remarks>
/// Greedy is not optimal. XLA's own counterexample: A feeds B, D and E; B (2 bytes) feeds C; D and E feed F (2 bytes);
/// C and F feed G; the other ops make 1 byte. With A at 2 bytes, greedy defers B because it defines more than it frees,
/// runs A D E B C F G and peaks at 6 (A, D, E and B together), while A B C D E F G peaks at 5.
/// </remarks>
public sealed class XlaListScheduler : IScheduler
{
    private readonly MemoryModelOptions _memory;

    /// <summary>The greedy under the memory model with <paramref name="memory"/> (null: the default model). Under
    /// views or in-place reuse its keys read the simulator of that model; a key refreshed only when a tensor drops to
    /// one use may go stale for a reader of an alias, which only changes which op the greedy prefers.</summary>
    public XlaListScheduler(MemoryModelOptions? memory = null) => _memory = memory ?? MemoryModelOptions.Default;

    /// <inheritdoc/>
    public string Name => "xla-list";

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
        var ready = new ReadyList<Key>(graph, v => new Key(sim.FreedBy(v) + sim.ReusedBytes(v) - sim.AllocatedBytes(v), graph.Successors(v).Length, v));
        var order = new int[n];
        for (int step = 0; step < n; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int pick = ready.Pop();
            order[step] = pick;
            sim.Execute(pick);
            foreach (int t in graph.Inputs(pick))
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
                        ready.Rekey(c);
                    }
                }
            }
            ready.Release(pick);
        }
        return (order, sim.PeakBytes);
    }

    /// <summary>Heap key: the smallest key is the op to run next (highest priority, most users, lowest index).</summary>
    private readonly record struct Key(long Priority, int Users, int Op) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            if (Priority != other.Priority)
            {
                return other.Priority.CompareTo(Priority);
            }
            return Users != other.Users ? other.Users.CompareTo(Users) : Op.CompareTo(other.Op);
        }
    }
}
