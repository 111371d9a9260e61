namespace Scheduler.Pass.Adaptive;

/// <summary>What the adaptive portfolio did on one graph.</summary>
/// <param name="Pass">The schedule and every candidate, as the pass reports them (methods not chosen are skipped, with
/// the stop rule's numbers as the reason).</param>
/// <param name="Traits">The graph's traits (after the heuristics).</param>
/// <param name="Episode">The class's episode number, or null when the heuristics already proved the optimum and
/// nothing was sampled.</param>
/// <param name="NewEpisodeBecause">Why a new episode started on this graph, or null.</param>
/// <param name="Decisions">One per method beyond the heuristics that the stop rule weighed, in portfolio order.</param>
/// <param name="ElapsedMs">Wall time spent on the graph (reported, never learned from).</param>
public sealed record AdaptiveResult(PassResult Pass, GraphTraits Traits, int? Episode, string? NewEpisodeBecause,
    IReadOnlyList<AdaptiveDecision> Decisions, double ElapsedMs)
{
    /// <summary>The class the graph fell in (<see cref="GraphTraits.Class"/>).</summary>
    public string Class => Traits.Class;
}
