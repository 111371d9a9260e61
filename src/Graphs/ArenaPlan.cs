using System.Collections.Immutable;
using Scheduler.Graphs.Arena;

namespace Scheduler.Graphs;

/// <summary>Offsets of every non-resident tensor in one arena (see <see cref="ArenaPlanner"/>).</summary>
/// <param name="Buffers">The arena's blocks; in-place chains share one.</param>
/// <param name="TensorBuffers">Per tensor, its index in <paramref name="Buffers"/>, or -1 when it takes no arena
/// space (resident inputs, and freeable inputs nobody reads).</param>
/// <param name="ArenaBytes">Arena size: the largest <c>Offset + Size</c>.</param>
/// <param name="PeakBytes">Largest sum of the sizes of blocks live at one step: the model's peak for this order.</param>
/// <param name="Options">The memory-model options the lifetimes follow.</param>
/// <param name="Winner">The assignment whose offsets these are (its strategy, whether it is proven smallest).</param>
/// <param name="Alignment">Every offset is a multiple of it.</param>
/// <param name="LowerBound">No offsets for these lifetimes need less (<see cref="ArenaProblem.LowerBound"/>).</param>
/// <param name="Candidates">Every strategy tried, in the order run (those after a proven one are not run).</param>
public sealed record ArenaPlan(
    ImmutableArray<ArenaBuffer> Buffers,
    ImmutableArray<int> TensorBuffers,
    long ArenaBytes,
    long PeakBytes,
    MemoryModelOptions Options,
    OffsetAssignment Winner,
    long Alignment,
    long LowerBound,
    ImmutableArray<OffsetAssignment> Candidates)
{
    /// <summary>Byte offset of <paramref name="tensor"/> in the arena, or -1 when it takes no arena space.</summary>
    public long TensorOffset(int tensor) => TensorBuffers[tensor] < 0 ? -1 : Buffers[TensorBuffers[tensor]].Offset;

    /// <summary>The winning strategy's id.</summary>
    public string Strategy => Winner.Strategy;

    /// <summary>Bytes lost to fragmentation relative to the peak: <c>(ArenaBytes − PeakBytes) / PeakBytes</c> (0 when
    /// the peak is 0).</summary>
    public double Fragmentation => PeakBytes == 0 ? 0 : (double)(ArenaBytes - PeakBytes) / PeakBytes;
}
