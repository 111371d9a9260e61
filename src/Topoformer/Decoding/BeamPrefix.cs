using Scheduler.Graphs;

namespace Scheduler.Topoformer.Decoding;

/// <summary>
/// One partial order kept by <see cref="StochasticBeamSampler"/>: the set of ops run (a bitset, so that copying a
/// prefix costs N/8 bytes rather than a count per op) and the ready list, the prefix's log-probability and perturbed
/// score, and its node in the <see cref="PrefixTree"/>. An op joins the ready list when its last predecessor runs,
/// in successor order, as with Kahn's counts.
/// </summary>
internal sealed class BeamPrefix
{
    private readonly ulong[] _run;

    private BeamPrefix(ulong[] run, int[] ready)
    {
        _run = run;
        Ready = ready;
    }

    /// <summary>The ready ops, <see cref="ReadyCount"/> of them, in no particular (but deterministic) order.</summary>
    public int[] Ready { get; }

    /// <summary>How many entries of <see cref="Ready"/> are in use.</summary>
    public int ReadyCount { get; private set; }

    /// <summary>log p(prefix) under the sequential policy.</summary>
    public double LogProbability { get; private set; }

    /// <summary>The prefix's Gumbel score G (its children's largest score equals it).</summary>
    public double Score { get; private set; }

    /// <summary>The prefix's last node in the tree (−1: empty prefix).</summary>
    public int Node { get; private set; } = -1;

    /// <summary>The empty prefix: the sources are ready; log-probability and score 0.</summary>
    public static BeamPrefix Root(ComputationGraph graph)
    {
        int n = graph.OpCount;
        var root = new BeamPrefix(new ulong[(n + 63) / 64], new int[n]);
        for (int v = 0; v < n; v++)
        {
            if (graph.Predecessors(v).Length == 0)
            {
                root.Ready[root.ReadyCount++] = v;
            }
        }
        return root;
    }

    /// <summary>A copy of this prefix, reusing a discarded one's arrays when <paramref name="pool"/> has one.</summary>
    public BeamPrefix Copy(Stack<BeamPrefix> pool)
    {
        var copy = pool.TryPop(out var recycled) ? recycled : new BeamPrefix(new ulong[_run.Length], new int[Ready.Length]);
        _run.AsSpan().CopyTo(copy._run);
        Ready.AsSpan(0, ReadyCount).CopyTo(copy.Ready);
        (copy.ReadyCount, copy.LogProbability, copy.Score, copy.Node) = (ReadyCount, LogProbability, Score, Node);
        return copy;
    }

    /// <summary>Runs the op at <paramref name="readyIndex"/> of the ready list and takes on the child's numbers.</summary>
    public void Run(ComputationGraph graph, int readyIndex, double logProbability, double score, int node)
    {
        int op = Ready[readyIndex];
        Ready[readyIndex] = Ready[--ReadyCount];
        _run[op >> 6] |= 1UL << (op & 63);
        foreach (int w in graph.Successors(op))
        {
            if (AllRun(graph.Predecessors(w)))
            {
                Ready[ReadyCount++] = w;
            }
        }
        (LogProbability, Score, Node) = (logProbability, score, node);
    }

    private bool AllRun(ReadOnlySpan<int> ops)
    {
        foreach (int u in ops)
        {
            if ((_run[u >> 6] & (1UL << (u & 63))) == 0)
            {
                return false;
            }
        }
        return true;
    }
}
