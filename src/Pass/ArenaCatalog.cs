using Scheduler.Baselines.Arena;
using Scheduler.Graphs;
using Scheduler.Graphs.Arena;

namespace Scheduler.Pass;

/// <summary>
/// The offset strategies by id, for <c>--arena STRATEGY</c>: <c>greedy-size</c>, <c>greedy-breadth</c>, <c>cpsat</c>, and
/// <c>best</c> (the default: all three in that order, so CP-SAT starts from the better greedy plan and the smallest arena
/// wins, ties to the earlier). Lives here because CP-SAT is in Scheduler.Baselines, which Scheduler.Graphs cannot see.
/// </summary>
public static class ArenaCatalog
{
    /// <summary>The id that runs every strategy.</summary>
    public const string Best = "best";

    /// <summary>Every id <see cref="Create"/> accepts, <see cref="Best"/> first.</summary>
    public static IReadOnlyList<string> Ids { get; } = [Best, GreedyBySizeOffsets.Instance.Name, GreedyByBreadthOffsets.Instance.Name, CpSatOffsets.Id];

    /// <summary>What is wrong with <paramref name="id"/> (unknown, with a suggestion and the known ids), or null.</summary>
    public static string? Problem(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Ids.Contains(id, StringComparer.Ordinal)
            ? null
            : $"unknown offset strategy '{id}'{Suggestions.DidYouMean(id, Ids)}; known strategies: {string.Join(", ", Ids)}";
    }

    /// <summary>The strategies to run for <paramref name="id"/>, in order; <paramref name="settings"/> give CP-SAT its
    /// effort, seed and safety cap.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is unknown (see <see cref="Problem"/>).</exception>
    public static IReadOnlyList<IOffsetStrategy> Create(string id, SchedulerSettings settings)
    {
        if (Problem(id) is string problem)
        {
            throw new ArgumentException(problem, nameof(id));
        }
        var cpsat = new CpSatOffsets(ArenaPlanner.GreedyStrategies, settings);
        return id switch
        {
            Best => [.. ArenaPlanner.GreedyStrategies, cpsat],
            CpSatOffsets.Id => [cpsat],
            _ => [ArenaPlanner.GreedyStrategies.Single(s => s.Name == id)],
        };
    }
}
