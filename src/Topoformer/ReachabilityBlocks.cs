using System.Numerics;
using System.Runtime.InteropServices;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Topoformer;

/// <summary>
/// Reachability one block of target ops at a time, so the transitive closure is never held whole: for the block of
/// ops whose ranks lie in [<see cref="Start"/>, <see cref="Start"/> + <see cref="Length"/>), every op u gets a bitset
/// of the block's ops it reaches (<see cref="Descendants"/>) and of those that reach it (<see cref="Ancestors"/>),
/// bit r standing for the op of rank Start + r. Each block costs two passes over the edges in topological order with
/// <see cref="Words"/> 64-bit words per op, so all blocks together take O(N·E/64) word operations — the same as
/// <see cref="Reachability.Compute"/> — but only 2·N·<see cref="Words"/>·8 bytes (26 MB at 50,000 ops) instead of
/// 2·N²/8 (625 MB). While it runs it also classifies every edge: u→w is a shortcut (not in the transitive reduction)
/// when w is reached from u through another successor.
/// </summary>
internal sealed class ReachabilityBlocks
{
    /// <summary>Largest block: 32 words = 2,048 target ops.</summary>
    public const int MaxWords = 32;

    private readonly ComputationGraph _graph;
    private readonly int[] _topological;
    private readonly int[] _rankOf;
    private readonly int[] _edgeStart;

    /// <param name="graph">The graph.</param>
    /// <param name="rankOf">A permutation of the ops: blocks are runs of consecutive ranks.</param>
    public ReachabilityBlocks(ComputationGraph graph, int[] rankOf)
    {
        _graph = graph;
        _rankOf = rankOf;
        int n = graph.OpCount;
        _topological = TopologicalSort.KahnOrder(graph);
        _edgeStart = new int[n + 1];
        for (int u = 0; u < n; u++)
        {
            _edgeStart[u + 1] = _edgeStart[u] + graph.Successors(u).Length;
        }
        Words = Math.Max(1, Math.Min(MaxWords, (n + 63) / 64));
        Descendants = new ulong[(long)n * Words];
        Ancestors = new ulong[(long)n * Words];
        IsShortcut = new bool[_edgeStart[n]];
    }

    /// <summary>Words per op in <see cref="Descendants"/> and <see cref="Ancestors"/>.</summary>
    public int Words { get; }

    /// <summary>Ops per block (the last block may be shorter).</summary>
    public int BlockOps => Words * 64;

    /// <summary>Rank of the first op of the current block.</summary>
    public int Start { get; private set; }

    /// <summary>Ops in the current block.</summary>
    public int Length { get; private set; }

    /// <summary>[N·Words]: the block's ops each op reaches by a path of one or more edges.</summary>
    public ulong[] Descendants { get; }

    /// <summary>[N·Words]: the block's ops that reach each op by a path of one or more edges.</summary>
    public ulong[] Ancestors { get; }

    /// <summary>Per edge in successor order (edge e of u is u's e-th successor after <see cref="EdgeStart"/>):
    /// true when it is a shortcut. Complete once every block has been computed.</summary>
    public bool[] IsShortcut { get; }

    /// <summary>Index of u's first successor edge in <see cref="IsShortcut"/>.</summary>
    public int EdgeStart(int u) => _edgeStart[u];

    /// <summary>The words of <paramref name="u"/>'s descendants in the current block.</summary>
    public ReadOnlySpan<ulong> DescendantWords(int u) => Descendants.AsSpan((int)((long)u * Words), Words);

    /// <summary>The words of <paramref name="u"/>'s ancestors in the current block.</summary>
    public ReadOnlySpan<ulong> AncestorWords(int u) => Ancestors.AsSpan((int)((long)u * Words), Words);

    /// <summary>Computes the block of ranks starting at <paramref name="start"/>.</summary>
    public void Compute(int start)
    {
        int n = _graph.OpCount;
        Start = start;
        Length = Math.Min(BlockOps, n - start);
        Array.Clear(Descendants);
        Array.Clear(Ancestors);
        for (int i = n - 1; i >= 0; i--)
        {
            int u = _topological[i];
            var mine = Descendants.AsSpan(u * Words, Words);
            var successors = _graph.Successors(u);
            foreach (int s in successors)
            {
                OrInto(mine, Descendants.AsSpan(s * Words, Words));
            }
            // Before u's own edges are added, `mine` holds what u reaches through a successor: an edge to such an op
            // is a shortcut. Each edge's target lies in exactly one block, so every edge is classified exactly once.
            for (int e = 0; e < successors.Length; e++)
            {
                int r = _rankOf[successors[e]] - start;
                if (unchecked((uint)r < (uint)Length) && (mine[r >> 6] & (1UL << r)) != 0)
                {
                    IsShortcut[_edgeStart[u] + e] = true;
                }
            }
            SetBits(mine, successors, start);
        }
        foreach (int u in _topological)
        {
            var mine = Ancestors.AsSpan(u * Words, Words);
            var predecessors = _graph.Predecessors(u);
            foreach (int p in predecessors)
            {
                OrInto(mine, Ancestors.AsSpan(p * Words, Words));
            }
            SetBits(mine, predecessors, start);
        }
    }

    private void SetBits(Span<ulong> words, ReadOnlySpan<int> ops, int start)
    {
        foreach (int v in ops)
        {
            int r = _rankOf[v] - start;
            if (unchecked((uint)r < (uint)Length))
            {
                words[r >> 6] |= 1UL << r;
            }
        }
    }

    private static void OrInto(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        var t = MemoryMarshal.Cast<ulong, Vector<ulong>>(target);
        var s = MemoryMarshal.Cast<ulong, Vector<ulong>>(source);
        for (int i = 0; i < t.Length; i++)
        {
            t[i] |= s[i];
        }
        for (int i = t.Length * Vector<ulong>.Count; i < target.Length; i++)
        {
            target[i] |= source[i];
        }
    }
}
