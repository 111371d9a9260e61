using Scheduler.Baselines.Search;
using Scheduler.Graphs;

namespace Scheduler.Topoformer.Training;

/// <summary>
/// The "improve" of expert iteration (Anthony, Tian &amp; Barber 2017, "Thinking Fast and Slow with Deep Learning and
/// Tree Search"; Silver et al. 2017): the policy's best sampled order is handed to the project's own local search
/// (<see cref="LocalSearchScheduler"/>, the pass's <c>local</c>) as its start, at a small fixed budget of scored
/// moves, and the order it returns becomes the imitation target. The search returns the best order it saw, so the
/// target's peak is never above the start's; the budget is a count of work and the seed is given, so the target is
/// the same on every machine. Window re-solves are off: they are the expensive part of <c>local</c>, and a budget
/// this small is better spent on single-op moves over the whole order.
/// </summary>
internal static class ExpertSearch
{
    /// <summary>An order at most as high as <paramref name="start"/> (in peak), found within <paramref name="moves"/>
    /// scored moves from it.</summary>
    /// <param name="analysis">The graph's analysis (its lower bound stops the search early).</param>
    /// <param name="start">A valid order of the graph: the policy's best sample.</param>
    /// <param name="moves">Budget of scored moves (&gt; 0).</param>
    /// <param name="seed">Seed of the search's shuffles and kicks.</param>
    /// <returns>The improved order, and whether the search's wall-clock safety cap cut it (then the result may vary
    /// between machines; the default cap is minutes, far above what a budget of this size takes).</returns>
    public static (int[] Order, bool Capped) Improve(GraphAnalysis analysis, int[] start, long moves, int seed)
    {
        long peak = MemoryModel.Evaluate(analysis.Graph, start);
        var search = new LocalSearchScheduler([], new SchedulerSettings(Seed: seed), moves, windows: false);
        var result = search.Solve(analysis, new StartOrder(start, peak, "policy"));
        return (result.Order, result.Capped);
    }
}
