namespace Scheduler.Topoformer.Decoding;

/// <summary>
/// The prefixes <see cref="StochasticBeamSampler"/> kept, as a tree of (parent node, op): a prefix is its last node, so
/// k prefixes that share a start share its nodes, and a complete order is read back once, at the end. At most
/// k nodes per step, N·k in all.
/// </summary>
internal sealed class PrefixTree(int steps, int width)
{
    private readonly int[] _parent = new int[checked(steps * width)];
    private readonly int[] _op = new int[checked(steps * width)];
    private readonly int[] _depth = new int[checked(steps * width)];
    private int _count;

    /// <summary>Adds op <paramref name="op"/> after <paramref name="parent"/> (−1: the empty prefix) at
    /// <paramref name="step"/>; returns the new node.</summary>
    public int Add(int step, int parent, int op)
    {
        (_parent[_count], _op[_count], _depth[_count]) = (parent, op, step);
        return _count++;
    }

    /// <summary>The ops from the root to <paramref name="node"/>, in order.</summary>
    public int[] Order(int node)
    {
        var order = new int[node < 0 ? 0 : _depth[node] + 1];
        for (int v = node; v >= 0; v = _parent[v])
        {
            order[_depth[v]] = _op[v];
        }
        return order;
    }
}
