using System.Numerics;

namespace Scheduler.Graphs.Topology;

/// <summary>A fixed-size set of small integers packed in 64-bit words; the workhorse of reachability.</summary>
public sealed class BitSet
{
    private readonly ulong[] _words;

    /// <summary>An empty set over 0..<paramref name="size"/>-1.</summary>
    public BitSet(int size)
    {
        Size = size;
        _words = new ulong[(size + 63) >> 6];
    }

    /// <summary>Universe size.</summary>
    public int Size { get; }

    /// <summary>Membership test.</summary>
    public bool Get(int i) => (_words[i >> 6] & (1UL << (i & 63))) != 0;

    /// <summary>Adds <paramref name="i"/>.</summary>
    public void Set(int i) => _words[i >> 6] |= 1UL << (i & 63);

    /// <summary>Removes every element.</summary>
    public void Clear() => Array.Clear(_words);

    /// <summary>Union in place.</summary>
    public void Or(BitSet other)
    {
        var o = other._words;
        for (int i = 0; i < _words.Length; i++)
        {
            _words[i] |= o[i];
        }
    }

    /// <summary>Intersection in place.</summary>
    public void And(BitSet other)
    {
        var o = other._words;
        for (int i = 0; i < _words.Length; i++)
        {
            _words[i] &= o[i];
        }
    }

    /// <summary>Number of elements.</summary>
    public int Count()
    {
        int c = 0;
        foreach (ulong w in _words)
        {
            c += BitOperations.PopCount(w);
        }
        return c;
    }

    /// <summary>The elements in ascending order.</summary>
    public IEnumerable<int> Ones()
    {
        for (int i = 0; i < _words.Length; i++)
        {
            ulong w = _words[i];
            while (w != 0)
            {
                int bit = BitOperations.TrailingZeroCount(w);
                yield return (i << 6) + bit;
                w &= w - 1;
            }
        }
    }
}
