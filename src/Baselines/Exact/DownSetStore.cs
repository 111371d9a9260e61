using System.Numerics;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// The states of the exact search: scheduled sets (down-sets of the DAG) packed as bitsets in one pooled array, with
/// the best peak key, parent and last op of each, and an open-addressing hash table over the sets. Pooled arrays keep
/// a state at about <c>8·W + 30</c> bytes (W = words per set) so millions fit without per-state objects.
/// </summary>
internal sealed class DownSetStore
{
    private readonly int _words;
    private ulong[] _sets;
    private long[] _key;
    private int[] _parent, _lastOp, _depth;
    private bool[] _closed, _bounded;
    private int[] _table;

    public DownSetStore(int words, int initialCapacity = 1024)
    {
        _words = words;
        _sets = new ulong[Math.Max(1, words) * initialCapacity];
        _key = new long[initialCapacity];
        _parent = new int[initialCapacity];
        _lastOp = new int[initialCapacity];
        _depth = new int[initialCapacity];
        _closed = new bool[initialCapacity];
        _bounded = new bool[initialCapacity];
        _table = new int[initialCapacity * 2];
    }

    /// <summary>Bytes one stored state costs: set, fields, its share of the hash table and about one queue entry.</summary>
    public static long BytesPerState(int words) => 8L * words + 8 + 4 * 3 + 2 + 8 + 24;

    public int Count { get; private set; }

    public long Key(int id) => _key[id];

    public int Parent(int id) => _parent[id];

    public int LastOp(int id) => _lastOp[id];

    public int Depth(int id) => _depth[id];

    public bool IsClosed(int id) => _closed[id];

    public void Close(int id) => _closed[id] = true;

    /// <summary>True when the state's key already includes its own completion bound.</summary>
    public bool IsBounded(int id) => _bounded[id];

    /// <summary>Raises a state's key to its completion bound (same way in).</summary>
    public void Bound(int id, long key)
    {
        _key[id] = Math.Max(_key[id], key);
        _bounded[id] = true;
    }

    /// <summary>Lowers a state's key and records the better way in; the completion bound must be applied again.</summary>
    public void Improve(int id, long key, int parent, int lastOp)
    {
        _key[id] = key;
        _parent[id] = parent;
        _lastOp[id] = lastOp;
        _bounded[id] = false;
    }

    /// <summary>Copies the set of state <paramref name="id"/> into <paramref name="destination"/>.</summary>
    public void CopySet(int id, Span<ulong> destination) => Set(id).CopyTo(destination);

    /// <summary>The id of <paramref name="set"/>, or -1 when it is not stored.</summary>
    public int Find(ReadOnlySpan<ulong> set)
    {
        int mask = _table.Length - 1;
        for (int slot = (int)(Hash(set) & (ulong)mask); ; slot = (slot + 1) & mask)
        {
            int id = _table[slot] - 1;
            if (id < 0 || Set(id).SequenceEqual(set))
            {
                return id;
            }
        }
    }

    /// <summary>Stores a new set (the caller checked it is absent); returns its id.</summary>
    public int Add(ReadOnlySpan<ulong> set, long key, int parent, int lastOp, int depth)
    {
        if (Count == _key.Length)
        {
            Grow();
        }
        int id = Count++;
        set.CopyTo(_sets.AsSpan(id * _words, _words));
        _key[id] = key;
        _parent[id] = parent;
        _lastOp[id] = lastOp;
        _depth[id] = depth;
        Insert(id);
        return id;
    }

    private ReadOnlySpan<ulong> Set(int id) => _sets.AsSpan(id * _words, _words);

    private void Insert(int id)
    {
        int mask = _table.Length - 1;
        int slot = (int)(Hash(Set(id)) & (ulong)mask);
        while (_table[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }
        _table[slot] = id + 1;
    }

    private void Grow()
    {
        int capacity = checked(_key.Length * 2);
        Array.Resize(ref _sets, checked(capacity * Math.Max(1, _words)));
        Array.Resize(ref _key, capacity);
        Array.Resize(ref _parent, capacity);
        Array.Resize(ref _lastOp, capacity);
        Array.Resize(ref _depth, capacity);
        Array.Resize(ref _closed, capacity);
        Array.Resize(ref _bounded, capacity);
        // Load factor stays at or below one half, so linear probing stays short.
        _table = new int[checked(capacity * 2)];
        for (int id = 0; id < Count; id++)
        {
            Insert(id);
        }
    }

    private static ulong Hash(ReadOnlySpan<ulong> set)
    {
        // A multiply-rotate mix per word (in the style of xxHash64's round); unchecked because wrapping is the point.
        ulong h = 0x9E3779B97F4A7C15UL;
        foreach (ulong w in set)
        {
            h = unchecked(BitOperations.RotateLeft(h ^ (w * 0xC2B2AE3D27D4EB4FUL), 31) * 0x9E3779B97F4A7C15UL);
        }
        return h ^ (h >> 29);
    }
}
