using System.Numerics;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// The states of the exact search: scheduled sets (down-sets of the DAG) packed as bitsets in one pooled array, with
/// the best peak key, live bytes, parent and last op of each, and an open-addressing hash table over the sets. Pooled
/// arrays keep a state at about <c>8·W + 33</c> bytes (W = words per set) so millions fit without per-state objects.
/// A state's depth is the size of its set, so it is counted, not stored.
/// </summary>
internal sealed class DownSetStore
{
    private readonly int _words, _maxStates;
    private ulong[] _sets;
    private long[] _key, _live;
    private int[] _parent, _lastOp;
    private bool[] _closed;
    private int[] _table;

    /// <summary>An empty store for sets of <paramref name="words"/> words that will never hold more than
    /// <paramref name="maxStates"/> states (so the last growth stops there instead of doubling past it).</summary>
    public DownSetStore(int words, int maxStates = int.MaxValue, int initialCapacity = 1024)
    {
        _words = words;
        _maxStates = Math.Max(1, maxStates);
        initialCapacity = Math.Min(initialCapacity, _maxStates);
        _sets = new ulong[Math.Max(1, words) * initialCapacity];
        _key = new long[initialCapacity];
        _live = new long[initialCapacity];
        _parent = new int[initialCapacity];
        _lastOp = new int[initialCapacity];
        _closed = new bool[initialCapacity];
        _table = new int[TableSize(initialCapacity)];
    }

    /// <summary>Bytes one stored state costs: set, fields, its share of the hash table and about one queue entry.</summary>
    public static long BytesPerState(int words) => 8L * words + 8 * 2 + 4 * 2 + 1 + 8 + 16;

    public int Count { get; private set; }

    public long Key(int id) => _key[id];

    public int Parent(int id) => _parent[id];

    public int LastOp(int id) => _lastOp[id];

    /// <summary>Live bytes after the state's set has run (stored by the caller; the set alone decides it).</summary>
    public long Live(int id) => _live[id];

    /// <summary>The number of ops in the state's set.</summary>
    public int Depth(int id)
    {
        int depth = 0;
        foreach (ulong w in Set(id))
        {
            depth += BitOperations.PopCount(w);
        }
        return depth;
    }

    public bool IsClosed(int id) => _closed[id];

    public void Close(int id) => _closed[id] = true;

    /// <summary>Lowers a state's key and records the better way in.</summary>
    public void Improve(int id, long key, int parent, int lastOp)
    {
        _key[id] = key;
        _parent[id] = parent;
        _lastOp[id] = lastOp;
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
    public int Add(ReadOnlySpan<ulong> set, long key, long live, int parent, int lastOp)
    {
        if (Count == _key.Length)
        {
            Grow();
        }
        int id = Count++;
        set.CopyTo(_sets.AsSpan(id * _words, _words));
        _key[id] = key;
        _live[id] = live;
        _parent[id] = parent;
        _lastOp[id] = lastOp;
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
        if (_key.Length >= _maxStates)
        {
            throw new InvalidOperationException($"The store holds its maximum of {_maxStates:N0} states.");
        }
        int capacity = (int)Math.Min((long)_key.Length * 2, _maxStates);
        Array.Resize(ref _sets, checked(capacity * Math.Max(1, _words)));
        Array.Resize(ref _key, capacity);
        Array.Resize(ref _live, capacity);
        Array.Resize(ref _parent, capacity);
        Array.Resize(ref _lastOp, capacity);
        Array.Resize(ref _closed, capacity);
        // Load factor stays at or below one half, so linear probing stays short.
        _table = new int[TableSize(capacity)];
        for (int id = 0; id < Count; id++)
        {
            Insert(id);
        }
    }

    /// <summary>A power of two (the probe masks with it) of at least twice the capacity.</summary>
    private static int TableSize(int capacity) => checked((int)BitOperations.RoundUpToPowerOf2((ulong)capacity * 2));

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
