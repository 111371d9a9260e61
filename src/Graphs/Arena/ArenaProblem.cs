using System.Collections.Immutable;

namespace Scheduler.Graphs.Arena;

/// <summary>
/// What an offset strategy places: the arena's blocks (a size and a lifetime of steps each) read off one order, and the
/// alignment every offset must keep. Built once per order (<see cref="ArenaPlanner"/>) and handed to every strategy.
/// </summary>
/// <remarks>
/// A block lives during steps <c>First[b]..Last[b]</c> inclusive; two blocks that are live at a common step must not share
/// a byte. That is the whole contract; <see cref="Problem"/> checks it for any offsets, and every strategy's result goes
/// through it. The live-bytes peak (<see cref="PeakBytes"/>) is the simulator's, so it equals the memory model's peak for
/// the order; <see cref="LowerBound"/> tightens it for alignment.
/// </remarks>
public sealed class ArenaProblem
{
    internal ArenaProblem(ImmutableArray<int> first, ImmutableArray<int> last, ImmutableArray<long> size, ImmutableArray<int> tensorBuffers,
        int steps, long peakBytes, long alignment)
    {
        First = first;
        Last = last;
        Size = size;
        TensorBuffers = tensorBuffers;
        Steps = steps;
        PeakBytes = peakBytes;
        Alignment = alignment;
        // Without alignment the bound is the peak; skip the walk over every block's steps.
        LowerBound = alignment == 1 ? peakBytes : AlignedBound(first, last, size, steps, alignment);
    }

    /// <summary>Per block, the first step it is live.</summary>
    public ImmutableArray<int> First { get; }

    /// <summary>Per block, the last step it is live.</summary>
    public ImmutableArray<int> Last { get; }

    /// <summary>Per block, its bytes.</summary>
    public ImmutableArray<long> Size { get; }

    /// <summary>Per tensor, its block, or -1 when it takes no arena space.</summary>
    public ImmutableArray<int> TensorBuffers { get; }

    /// <summary>Blocks to place.</summary>
    public int Count => Size.Length;

    /// <summary>Steps in the order.</summary>
    public int Steps { get; }

    /// <summary>Largest sum of the sizes of blocks live at one step: the memory model's peak for the order.</summary>
    public long PeakBytes { get; }

    /// <summary>Every offset is a multiple of this (1: none).</summary>
    public long Alignment { get; }

    /// <summary>
    /// No arena is smaller: at every step, the live blocks sit at aligned offsets without overlapping, so every one but
    /// the topmost takes its size rounded up to <see cref="Alignment"/>. The bound is the largest, over steps, of the sum of
    /// the rounded sizes less the largest rounding of one block. With alignment 1 it is <see cref="PeakBytes"/>.
    /// </summary>
    public long LowerBound { get; }

    /// <summary>True when blocks <paramref name="a"/> and <paramref name="b"/> are live at a common step.</summary>
    public bool OverlapInTime(int a, int b) => First[a] <= Last[b] && First[b] <= Last[a];

    /// <summary><paramref name="offset"/> rounded up to <see cref="Alignment"/>.</summary>
    public long Align(long offset) => checked((offset + Alignment - 1) / Alignment * Alignment);

    /// <summary>The arena the offsets need: the largest <c>offset + size</c> (0 for no blocks).</summary>
    public long ArenaBytes(ReadOnlySpan<long> offsets)
    {
        long arena = 0;
        for (int b = 0; b < Count; b++)
        {
            arena = Math.Max(arena, checked(offsets[b] + Size[b]));
        }
        return arena;
    }

    /// <summary>The first way <paramref name="offsets"/> break the contract (wrong count, a negative or unaligned offset, two
    /// blocks live at a common step sharing a byte), or null when they keep it. Sweeps the steps keeping the live blocks,
    /// so it costs O(B log B + B·L) for L blocks live at once, not O(B²).</summary>
    public string? Problem(ReadOnlySpan<long> offsets)
    {
        if (offsets.Length != Count)
        {
            return $"{offsets.Length} offsets for {Count} blocks";
        }
        for (int b = 0; b < Count; b++)
        {
            if (offsets[b] < 0 || offsets[b] % Alignment != 0)
            {
                return $"block {b} at offset {offsets[b]}: not a non-negative multiple of the alignment {Alignment}";
            }
        }
        var byFirst = new int[Count];
        for (int b = 0; b < Count; b++)
        {
            byFirst[b] = b;
        }
        var firsts = First.ToArray();
        Array.Sort(firsts, byFirst);
        var live = new List<int>();
        foreach (int b in byFirst)
        {
            live.RemoveAll(p => Last[p] < First[b]);
            foreach (int p in live)
            {
                if (Size[b] > 0 && Size[p] > 0 && offsets[b] < offsets[p] + Size[p] && offsets[p] < offsets[b] + Size[b])
                {
                    return $"blocks {p} and {b} are live at step {First[b]} and share bytes ([{offsets[p]}, +{Size[p]}) and [{offsets[b]}, +{Size[b]}))";
                }
            }
            live.Add(b);
        }
        return null;
    }

    private static long AlignedBound(ImmutableArray<int> first, ImmutableArray<int> last, ImmutableArray<long> size, int steps, long alignment)
    {
        // Per step: the sum of rounded sizes and the largest rounding, accumulated by difference arrays would lose the
        // maximum, so walk each block's steps; blocks × lifetime is what the simulator already paid for.
        var rounded = new long[steps + 1];
        var slack = new long[steps + 1];
        for (int b = 0; b < size.Length; b++)
        {
            long up = checked((size[b] + alignment - 1) / alignment * alignment);
            for (int s = first[b]; s <= last[b]; s++)
            {
                rounded[s] = checked(rounded[s] + up);
                slack[s] = Math.Max(slack[s], up - size[b]);
            }
        }
        long bound = 0;
        for (int s = 0; s < steps; s++)
        {
            bound = Math.Max(bound, rounded[s] - slack[s]);
        }
        return bound;
    }
}
