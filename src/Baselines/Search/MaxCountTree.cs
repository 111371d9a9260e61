namespace Scheduler.Baselines.Search;

/// <summary>
/// Segment tree over step memories answering "largest value in a range and how many steps reach it" in O(log N).
/// Local search scores a move as a handful of such queries, each shifted by a constant delta.
/// </summary>
internal sealed class MaxCountTree
{
    private readonly int _size;
    private readonly long[] _max;
    private readonly int[] _count;

    public MaxCountTree(int length)
    {
        _size = 1;
        while (_size < Math.Max(1, length))
        {
            _size <<= 1;
        }
        _max = new long[2 * _size];
        _count = new int[2 * _size];
    }

    /// <summary>Replaces all leaves with <paramref name="values"/> and rebuilds, O(N).</summary>
    public void Build(ReadOnlySpan<long> values)
    {
        for (int i = 0; i < _size; i++)
        {
            _max[_size + i] = i < values.Length ? values[i] : long.MinValue;
            _count[_size + i] = i < values.Length ? 1 : 0;
        }
        for (int node = _size - 1; node >= 1; node--)
        {
            Pull(node);
        }
    }

    /// <summary>Max and multiplicity over positions <paramref name="from"/>..<paramref name="to"/> inclusive; an
    /// empty range gives (long.MinValue, 0).</summary>
    public (long Max, int Count) Query(int from, int to)
    {
        long max = long.MinValue;
        int count = 0;
        for (int l = from + _size, r = to + _size + 1; l < r; l >>= 1, r >>= 1)
        {
            if ((l & 1) == 1)
            {
                Merge(ref max, ref count, _max[l], _count[l]);
                l++;
            }
            if ((r & 1) == 1)
            {
                r--;
                Merge(ref max, ref count, _max[r], _count[r]);
            }
        }
        return (max, count);
    }

    /// <summary>Folds (value, count) into a running (max, count).</summary>
    public static void Merge(ref long max, ref int count, long value, int valueCount)
    {
        if (valueCount == 0 || value < max)
        {
            return;
        }
        if (value > max)
        {
            max = value;
            count = valueCount;
        }
        else
        {
            count += valueCount;
        }
    }

    private void Pull(int node)
    {
        long max = long.MinValue;
        int count = 0;
        Merge(ref max, ref count, _max[2 * node], _count[2 * node]);
        Merge(ref max, ref count, _max[2 * node + 1], _count[2 * node + 1]);
        _max[node] = max;
        _count[node] = count;
    }
}
