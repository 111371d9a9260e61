namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// The ready set of <see cref="LpmfScheduler"/>: a segment tree over the ops ranked by allocation (then index), each
/// internal node holding the ready op with the smallest net bytes (then index) in its range. "Best net among the ops
/// whose allocation is at most x" is then a prefix query, and "best net among the ops with the smallest allocation" a
/// range query over that allocation's ranks — both O(log V), so the greedy never scans the ready set.
/// </summary>
internal sealed class LpmfReadyTree
{
    private readonly int[] _tree;
    private readonly long[] _net;
    private readonly int _leaves;

    /// <summary>An empty tree over <paramref name="count"/> ranks whose ops are compared by <paramref name="net"/>.</summary>
    public LpmfReadyTree(int count, long[] net)
    {
        _net = net;
        _leaves = 1;
        while (_leaves < count)
        {
            _leaves *= 2;
        }
        _tree = new int[2 * _leaves];
        Array.Fill(_tree, -1);
    }

    /// <summary>Puts <paramref name="op"/> at <paramref name="rank"/> (or clears it with -1) and re-reads its net.</summary>
    public void Set(int rank, int op)
    {
        int i = rank + _leaves;
        _tree[i] = op;
        for (i /= 2; i >= 1; i /= 2)
        {
            _tree[i] = Better(_tree[2 * i], _tree[2 * i + 1]);
        }
    }

    /// <summary>The best ready op among ranks [<paramref name="from"/>, <paramref name="to"/>), or -1.</summary>
    public int Query(int from, int to)
    {
        int best = -1;
        for (int lo = from + _leaves, hi = to + _leaves; lo < hi; lo /= 2, hi /= 2)
        {
            if ((lo & 1) == 1)
            {
                best = Better(best, _tree[lo++]);
            }
            if ((hi & 1) == 1)
            {
                best = Better(best, _tree[--hi]);
            }
        }
        return best;
    }

    private int Better(int a, int b)
    {
        if (a < 0)
        {
            return b;
        }
        if (b < 0)
        {
            return a;
        }
        long na = _net[a], nb = _net[b];
        return na < nb || (na == nb && a < b) ? a : b;
    }
}
