using System.Collections.Immutable;

namespace Scheduler.Graphs.Arena;

/// <summary>One strategy's offsets for an <see cref="ArenaProblem"/>.</summary>
/// <param name="Strategy">The strategy's <see cref="IOffsetStrategy.Name"/>.</param>
/// <param name="Offsets">Per block, its byte offset.</param>
/// <param name="ArenaBytes">The largest <c>offset + size</c>.</param>
/// <param name="Proven">True when no smaller arena exists for these blocks (it reached <see cref="ArenaProblem.LowerBound"/>,
/// or CP-SAT proved it).</param>
/// <param name="Message">What the strategy did, when there is more to say than the size (CP-SAT's status and bound).</param>
/// <param name="Capped">True when the wall-clock safety cap cut the strategy short, so the result may differ between runs.</param>
public sealed record OffsetAssignment(string Strategy, ImmutableArray<long> Offsets, long ArenaBytes, bool Proven, string? Message = null, bool Capped = false)
{
    /// <summary>An assignment scored against <paramref name="problem"/>: its arena size, and proven when it reaches the bound.</summary>
    public static OffsetAssignment Of(string strategy, ArenaProblem problem, long[] offsets, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        long arena = problem.ArenaBytes(offsets);
        return new OffsetAssignment(strategy, [.. offsets], arena, arena <= problem.LowerBound, message);
    }
}
