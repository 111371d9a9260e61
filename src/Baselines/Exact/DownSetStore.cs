using System.Numerics;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// The states of the exact search: scheduled sets (down-sets of the DAG) packed as bitsets, with the best peak key,
/// live bytes, parent and last op of each, and an open-addressing hash table over the sets. States live in chunks of
/// 65,536 (the first grows to that size), so a state costs about <c>8·W + 33</c> bytes (W = words per set) with no
/// per-state objects, and growing never copies what is stored: with one doubling array per field the last growth held
/// the old and the new arrays at once, and `best --effort 6` on a 500-op graph (19 million states under the 2 GiB cap)
/// peaked at 5.2 GB; with chunks, 2.7 GB. A state's depth is the size of its set, so it is counted, not stored.
/// </summary>
internal sealed class DownSetStore
{
    private const int ChunkBits = 16, ChunkSize = 1 << ChunkBits, ChunkMask = ChunkSize - 1;

    private readonly int _words, _maxStates;
    private Chunk[] _chunks = new Chunk[4];
    private int _chunkCount, _capacity;
    private int[] _table;

    /// <summary>An empty store for sets of <paramref name="words"/> words that will never hold more than
    /// <paramref name="maxStates"/> states (so the last chunk stops there).</summary>
    public DownSetStore(int words, int maxStates = int.MaxValue, int initialCapacity = 1024)
    {
        _words = words;
        _maxStates = Math.Max(1, maxStates);
        _capacity = Math.Min(Math.Min(initialCapacity, ChunkSize), _maxStates);
        _chunks[0] = new Chunk(_capacity, _words);
        _chunkCount = 1;
        _table = new int[TableSize(_capacity)];
    }

    /// <summary>Bytes one stored state costs: set, fields, its share of the hash table and about one queue entry.</summary>
    public static long BytesPerState(int words) => 8L * words + 8 * 2 + 4 * 2 + 1 + 8 + 16;

    public int Count { get; private set; }

    public long Key(int id) => _chunks[id >> ChunkBits].Key[id & ChunkMask];

    public int Parent(int id) => _chunks[id >> ChunkBits].Parent[id & ChunkMask];

    public int LastOp(int id) => _chunks[id >> ChunkBits].LastOp[id & ChunkMask];

    /// <summary>Live bytes after the state's set has run (stored by the caller; the set alone decides it).</summary>
    public long Live(int id) => _chunks[id >> ChunkBits].Live[id & ChunkMask];

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

    public bool IsClosed(int id) => _chunks[id >> ChunkBits].Closed[id & ChunkMask];

    public void Close(int id) => _chunks[id >> ChunkBits].Closed[id & ChunkMask] = true;

    /// <summary>Lowers a state's key and records the better way in.</summary>
    public void Improve(int id, long key, int parent, int lastOp)
    {
        var chunk = _chunks[id >> ChunkBits];
        int i = id & ChunkMask;
        chunk.Key[i] = key;
        chunk.Parent[i] = parent;
        chunk.LastOp[i] = lastOp;
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
        if (Count == _capacity)
        {
            Grow();
        }
        int id = Count++;
        var chunk = _chunks[id >> ChunkBits];
        int i = id & ChunkMask;
        set.CopyTo(chunk.Sets.AsSpan(i * _words, _words));
        chunk.Key[i] = key;
        chunk.Live[i] = live;
        chunk.Parent[i] = parent;
        chunk.LastOp[i] = lastOp;
        Insert(id);
        return id;
    }

    private ReadOnlySpan<ulong> Set(int id) => _chunks[id >> ChunkBits].Sets.AsSpan((id & ChunkMask) * _words, _words);

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
        if (_capacity >= _maxStates)
        {
            throw new InvalidOperationException($"The store holds its maximum of {_maxStates:N0} states.");
        }
        if (_chunkCount == 1 && _capacity < ChunkSize)
        {
            // The first chunk doubles up to the chunk size, so a small search stays small.
            _capacity = Math.Min(Math.Min(_capacity * 2, ChunkSize), _maxStates);
            _chunks[0].Resize(_capacity, _words);
        }
        else
        {
            if (_chunkCount == _chunks.Length)
            {
                Array.Resize(ref _chunks, _chunks.Length * 2);
            }
            int size = (int)Math.Min(ChunkSize, (long)_maxStates - _capacity);
            _chunks[_chunkCount++] = new Chunk(size, _words);
            _capacity += size;
        }
        if (TableSize(_capacity) > _table.Length)
        {
            // Load factor stays at or below one half, so linear probing stays short.
            _table = new int[TableSize(_capacity)];
            for (int id = 0; id < Count; id++)
            {
                Insert(id);
            }
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

    /// <summary>The fields of up to 65,536 consecutive states.</summary>
    private sealed class Chunk(int capacity, int words)
    {
        public ulong[] Sets = new ulong[capacity * Math.Max(1, words)];
        public long[] Key = new long[capacity], Live = new long[capacity];
        public int[] Parent = new int[capacity], LastOp = new int[capacity];
        public bool[] Closed = new bool[capacity];

        public void Resize(int size, int wordsPerSet)
        {
            Array.Resize(ref Sets, size * Math.Max(1, wordsPerSet));
            Array.Resize(ref Key, size);
            Array.Resize(ref Live, size);
            Array.Resize(ref Parent, size);
            Array.Resize(ref LastOp, size);
            Array.Resize(ref Closed, size);
        }
    }
}
