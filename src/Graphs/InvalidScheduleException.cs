namespace Scheduler.Graphs;

/// <summary>Thrown when an order is not a valid schedule of a graph: not a permutation, or an edge points backwards.</summary>
public sealed class InvalidScheduleException : Exception
{
    /// <summary>Creates the exception with a message naming the problem.</summary>
    public InvalidScheduleException(string message, int fromOp = -1, int toOp = -1, int fromPosition = -1, int toPosition = -1)
        : base(message)
    {
        FromOp = fromOp;
        ToOp = toOp;
        FromPosition = fromPosition;
        ToPosition = toPosition;
    }

    /// <summary>Source op (dense index) of the first violated edge, or -1 when the order is not a permutation.</summary>
    public int FromOp { get; }

    /// <summary>Target op (dense index) of the first violated edge, or -1.</summary>
    public int ToOp { get; }

    /// <summary>Position of <see cref="FromOp"/> in the order, or -1.</summary>
    public int FromPosition { get; }

    /// <summary>Position of <see cref="ToOp"/> in the order, or -1.</summary>
    public int ToPosition { get; }
}
