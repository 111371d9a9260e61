namespace Scheduler.Graphs.Arena;

/// <summary>
/// Places the blocks of an <see cref="ArenaProblem"/> at offsets in one arena (the offset half of arena planning: the
/// order and the lifetimes are fixed, only the addresses are chosen). Implementations return offsets and nothing else
/// to trust: <see cref="ArenaPlanner"/> checks every result with <see cref="ArenaProblem.Problem"/>.
/// </summary>
public interface IOffsetStrategy
{
    /// <summary>Stable kebab-case id, also the CLI's <c>--arena</c> value ("greedy-size").</summary>
    string Name { get; }

    /// <summary>Offsets for every block of <paramref name="problem"/>.</summary>
    /// <param name="problem">The blocks and the alignment.</param>
    /// <param name="incumbent">The best assignment found so far by the strategies before this one (null when it runs
    /// first): a strategy that improves a start (CP-SAT) starts from it and never returns worse; the others ignore it.</param>
    /// <param name="cancellationToken">Stops a long strategy.</param>
    OffsetAssignment Assign(ArenaProblem problem, OffsetAssignment? incumbent, CancellationToken cancellationToken = default);
}
