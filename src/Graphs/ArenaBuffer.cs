namespace Scheduler.Graphs;

/// <summary>One block of an <see cref="ArenaPlan"/>: a tensor's storage, or the storage a chain of in-place tensors
/// shares. It occupies bytes <c>[Offset, Offset + Size)</c> during steps <c>FirstStep..LastStep</c> (inclusive).</summary>
/// <param name="Offset">Byte offset in the arena.</param>
/// <param name="Size">Bytes.</param>
/// <param name="FirstStep">Position in the order of the step that allocates it (0 for a freeable graph input).</param>
/// <param name="LastStep">Position of the last step that needs it (the order's last step for graph outputs).</param>
public sealed record ArenaBuffer(long Offset, long Size, int FirstStep, int LastStep)
{
    /// <summary>True when both buffers are needed at some common step.</summary>
    public bool OverlapsInTime(ArenaBuffer other)
        => FirstStep <= Guard.NotNull(other, nameof(other)).LastStep && other.FirstStep <= LastStep;
}
