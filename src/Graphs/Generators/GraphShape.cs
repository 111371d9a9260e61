namespace Scheduler.Graphs.Generators;

/// <summary>The fixed shapes <see cref="ShapeGenerator"/> makes: the extremes of depth and width a pass must survive.</summary>
public enum GraphShape
{
    /// <summary>Op i feeds op i + 1: one legal order, depth N.</summary>
    Chain,

    /// <summary>Op 0 feeds every other op: one source, N − 1 sinks (a tensor with a million consumers).</summary>
    Star,

    /// <summary>Every other op feeds op N − 1: N − 1 sources, one sink (an op with a million inputs).</summary>
    FanIn,
}
