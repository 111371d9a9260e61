namespace Scheduler.Baselines.Search;

/// <summary>
/// Partial orders of all beam states as a shared parent-pointer forest (each entry: an op and the entry before it),
/// so a child costs O(1) to record instead of copying its whole prefix.
/// </summary>
internal sealed class BeamTrace
{
    private readonly List<int> _op;
    private readonly List<int> _previous;

    public BeamTrace(int capacity)
    {
        _op = new List<int>(capacity);
        _previous = new List<int>(capacity);
    }

    /// <summary>Records <paramref name="op"/> after the entry <paramref name="previous"/> (-1: none); returns its index.</summary>
    public int Add(int op, int previous)
    {
        _op.Add(op);
        _previous.Add(previous);
        return _op.Count - 1;
    }

    /// <summary>The <paramref name="length"/> ops ending at entry <paramref name="last"/>, first to last.</summary>
    public int[] Order(int last, int length)
    {
        var order = new int[length];
        for (int i = length - 1; i >= 0; i--)
        {
            order[i] = _op[last];
            last = _previous[last];
        }
        return order;
    }
}
