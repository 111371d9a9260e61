using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// Where the local search's later rounds start (diverse restarts, issue 11): a search kicked only from its best order
/// stays in its start's basin, so extra budget bought nothing. Odd rounds (3, 5, …) take the other start heuristics'
/// orders, lowest peak first (distinct from the round-1 start; while any are left); even rounds, and odd ones once they
/// are used up, take the best order so far perturbed by a strong kick of 2 + N/<see cref="StrongKickDivisor"/> random
/// legal moves (five times the ordinary kick), far enough to leave the basin. From round <see cref="FirstRelinkRound"/>
/// on, even rounds instead relink the best order with another round's best (<see cref="PathRelinking"/>, both
/// directions, the better intermediate), the lowest-peak partner first and each partner once per best order; a strong
/// kick when no partner is left. Each round then searches from its own start and kicks its own best. Deterministic:
/// the heuristics are deterministic and the kicks draw from the search's seeded random stream.
/// </summary>
internal sealed class RestartOrders
{
    /// <summary>A strong kick moves 2 + N / StrongKickDivisor random ops.</summary>
    public const int StrongKickDivisor = 5;

    /// <summary>The first round that may relink (rounds 2 and 3 supply a kicked and a heuristic basin's best).</summary>
    public const int FirstRelinkRound = 4;

    private readonly ComputationGraph _graph;
    private readonly MemoryModelOptions _memory;
    private readonly StartOrder _start;
    private readonly IReadOnlyList<IScheduler> _heuristics;
    private readonly CancellationToken _ct;
    private Queue<StartOrder>? _alternatives;
    private readonly List<(int[] Order, long Peak, int Round)> _elites = new();
    private readonly HashSet<int> _paired = new();
    private int[]? _pairedBest;

    /// <summary>Restarts for the search over <c>analysis.Graph</c>, scored under <c>analysis.Memory</c> (the model it orders for).</summary>
    public RestartOrders(GraphAnalysis analysis, StartOrder start, IReadOnlyList<IScheduler> heuristics, CancellationToken ct)
        => (_graph, _memory, _start, _heuristics, _ct) = (analysis.Graph, analysis.Memory, start, heuristics, ct);

    /// <summary>The start of round <paramref name="round"/> (2 or later), its source, and the work to charge for it.</summary>
    public (int[] Order, string Source, long Work) Next(int round, int[] best, Random random, SafetyCap cap)
    {
        if (round % 2 == 1 && Alternatives().TryDequeue(out var alternative))
        {
            return (alternative.Order, alternative.Source, 0);
        }
        long work = 0;
        if (round % 2 == 0 && round >= FirstRelinkRound)
        {
            var (walked, walkWork) = LateAcceptance.Walk(new OrderProfile(_graph, best, _memory), _graph.OpCount, random, LocalSearchScheduler.BaseEvaluations / 2, cap);
            return (walked, "late-acceptance walk from best", walkWork);
        }
        var profile = new OrderProfile(_graph, best, _memory);
        int n = _graph.OpCount;
        work += LocalSearchScheduler.Kick(profile, n, 2 + n / StrongKickDivisor, random, cap);
        return (profile.Order, "kicked best", work);
    }

    /// <summary>Remembers round <paramref name="round"/>'s best order (a local optimum) as a relinking partner, unless
    /// an earlier round ended at the same order.</summary>
    public void Record(int[] order, long peak, int round)
    {
        if (!_elites.Exists(e => e.Order.AsSpan().SequenceEqual(order)))
        {
            _elites.Add((order, peak, round));
        }
    }

    /// <summary>The better intermediate of the paths between <paramref name="best"/> and its lowest-peak partner not yet
    /// relinked with it; null when no partner gives one. The paths' work is added to <paramref name="work"/> either way.</summary>
    private int[]? Relink(int[] best, SafetyCap cap, ref long work, out int partnerRound)
    {
        if (_pairedBest is null || !_pairedBest.AsSpan().SequenceEqual(best))
        {
            _pairedBest = best;
            _paired.Clear();
        }
        int margin = 2 + _graph.OpCount / LocalSearchScheduler.KickDivisor;
        foreach (int e in Enumerable.Range(0, _elites.Count).OrderBy(e => _elites[e].Peak))
        {
            var (partner, _, round) = _elites[e];
            if (_paired.Contains(e) || partner.AsSpan().SequenceEqual(best))
            {
                continue;
            }
            _paired.Add(e);
            var toward = PathRelinking.Between(_graph, _memory, best, partner, margin, cap, ref work);
            var back = PathRelinking.Between(_graph, _memory, partner, best, margin, cap, ref work);
            var chosen = back is { } b && (toward is not { } t || b.Peak < t.Peak) ? back : toward;
            if (chosen is { } c)
            {
                partnerRound = round;
                return c.Order;
            }
        }
        partnerRound = 0;
        return null;
    }

    /// <summary>The heuristics' valid orders other than the start's, by peak (ties in list order); computed once, on
    /// the first odd restart, so effort 1 never pays for them.</summary>
    private Queue<StartOrder> Alternatives()
    {
        if (_alternatives is not null)
        {
            return _alternatives;
        }
        var found = new List<StartOrder>();
        foreach (var heuristic in _heuristics)
        {
            _ct.ThrowIfCancellationRequested();
            int[] order;
            try
            {
                order = heuristic.Order(_graph, _ct);
            }
            catch (NotSupportedException)
            {
                // A heuristic that declines this graph (too large for it) simply offers no restart.
                continue;
            }
            if (MemoryModel.IsValid(_graph, order, out _) && !order.AsSpan().SequenceEqual(_start.Order)
                && !found.Exists(f => f.Order.AsSpan().SequenceEqual(order)))
            {
                found.Add(new StartOrder(order, MemoryModel.Evaluate(_graph, order, _memory), heuristic.Name));
            }
        }
        _alternatives = new Queue<StartOrder>(found.OrderBy(f => f.Peak));
        return _alternatives;
    }
}
