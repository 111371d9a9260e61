using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// Where the local search's later rounds start (diverse restarts, issue 11): a search kicked only from its best order
/// stays in its start's basin, so extra budget bought nothing. Odd rounds (3, 5, …) take the other start heuristics'
/// orders, lowest peak first (distinct from the round-1 start; while any are left); even rounds, and odd ones once they
/// are used up, take the best order so far perturbed by a strong kick of 2 + N/<see cref="StrongKickDivisor"/> random
/// legal moves (five times the ordinary kick), far enough to leave the basin. Each round then searches from its own
/// start and kicks its own best. Deterministic: the heuristics are deterministic and the kicks draw from the search's
/// seeded random stream.
/// </summary>
internal sealed class RestartOrders
{
    /// <summary>A strong kick moves 2 + N / StrongKickDivisor random ops.</summary>
    public const int StrongKickDivisor = 5;

    private readonly ComputationGraph _graph;
    private readonly MemoryModelOptions _memory;
    private readonly StartOrder _start;
    private readonly IReadOnlyList<IScheduler> _heuristics;
    private readonly CancellationToken _ct;
    private Queue<StartOrder>? _alternatives;

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
        var profile = new OrderProfile(_graph, best, _memory);
        int n = _graph.OpCount;
        long work = LocalSearchScheduler.Kick(profile, n, 2 + n / StrongKickDivisor, random, cap);
        return (profile.Order, "kicked best", work);
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
