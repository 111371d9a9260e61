namespace Scheduler.Build;

/// <summary>One tensor of a plan.</summary>
/// <param name="Name">Its name in the graph file ("" when it has none).</param>
/// <param name="Size">Bytes.</param>
/// <param name="Offset">Byte offset in the arena, or -1 when it takes no arena space (resident, or never read).</param>
/// <param name="FirstStep">Position in the order of the step that allocates it, or -1.</param>
/// <param name="LastStep">Position of the last step that needs it, or -1.</param>
/// <param name="Producer">The producing node's file id, or null for a graph input.</param>
/// <param name="Output">Which output of the producer it is (0 for graph inputs).</param>
internal sealed record PlanTensor(string Name, long Size, long Offset, int FirstStep, int LastStep, long? Producer, int Output);
