namespace Scheduler.Graphs;

/// <summary>The raw arrays a <see cref="ComputationGraph"/> is made of; filled and checked by <see cref="GraphBuilder"/>.</summary>
internal sealed class GraphArrays
{
    public required long[] OpIds { get; init; }
    public required string[] OpNames { get; init; }
    public required string[] OpTypes { get; init; }
    public required int[] SuccOffsets { get; init; }
    public required int[] Succ { get; init; }
    public required int[] PredOffsets { get; init; }
    public required int[] Pred { get; init; }
    public required int[] OutOffsets { get; init; }
    public required int[] Outs { get; init; }
    public required int[] InOffsets { get; init; }
    public required int[] Ins { get; init; }
    public required long[] TensorSize { get; init; }
    public required int[] Producer { get; init; }
    public required int[] ConsumerOffsets { get; init; }
    public required int[] Consumers { get; init; }
    public required bool[] GraphOutput { get; init; }
    public required bool[] Freeable { get; init; }
    public required string[] TensorNames { get; init; }
    public required int[] AliasOf { get; init; }
}
