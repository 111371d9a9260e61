using System.Globalization;
using Scheduler.Graphs;

namespace Scheduler.Pass.Adaptive;

/// <summary>
/// The adaptive portfolio's choice on one graph (<see cref="IStagePolicy"/>): heuristics always run; before the first
/// later stage the graph's class is fixed from its traits and the class's episode gives one draw per method; a method
/// then runs when its drawn gain, capped at the gap still open, is worth its drawn cost at
/// <see cref="AdaptiveOptions.PricePerSecond"/>; after each stage every finished method's credit (<see cref="StageCredit"/>: what it added over the cheaper
/// methods of its stage) and cost go into the posterior.
/// </summary>
internal sealed class AdaptivePolicy(PortfolioPosterior posterior, AdaptiveOptions adaptive, PassOptions options,
    IReadOnlyList<SchedulerDescriptor> methods) : IStagePolicy
{
    private readonly Dictionary<int, AdaptiveDecision> _decisions = [];
    private Episode? _episode;

    public GraphTraits? Traits { get; private set; }

    public Episode? Episode => _episode;

    public string? NewEpisodeBecause { get; private set; }

    public IReadOnlyList<AdaptiveDecision> Decisions => [.. _decisions.OrderBy(d => d.Key).Select(d => d.Value)];

    public string WhySkipped(int slot)
    {
        var d = _decisions[slot];
        var c = CultureInfo.InvariantCulture;
        return d.SampledGain > 0 && Math.Min(d.SampledGain, d.Gap) >= adaptive.PricePerSecond * d.SampledCost / 1000
            ? string.Create(c, $"adaptive: a variant of the same method was worth more (sampled gain {d.SampledGain:P2}, {d.SampledCost:F0} reference ms)")
            : string.Create(c, $"adaptive: sampled gain {d.SampledGain:P2} (gap {d.Gap:P2}) is not worth {d.SampledCost:F0} reference ms at {adaptive.PricePerSecond:P2} of the peak per second");
    }

    public IReadOnlyList<int> Choose(PortfolioRun run, IReadOnlyList<int> slots, StartOrder start)
    {
        if (slots.All(s => methods[s - 1].Kind == MethodKind.Heuristic))
        {
            return slots;
        }
        var graph = run.Analysis.Graph;
        if (_episode is null)
        {
            Traits = GraphTraits.Of(run.Analysis, start.Peak, run.Provable);
            var ids = methods.Where(m => m.Kind != MethodKind.Heuristic).Select(m => m.Name).ToList();
            (_episode, NewEpisodeBecause) = posterior.BeginGraph(Traits.Class, ids, adaptive);
        }
        double gap = run.Provable && start.Peak > 0 ? Math.Max(0, start.Peak - run.Analysis.LowerBound) / (double)start.Peak : 1;
        // The best worth-it slot of each method (a method and its variants are alternatives), by net value.
        var best = new Dictionary<string, (int Slot, double Net)>(StringComparer.Ordinal);
        foreach (int s in slots)
        {
            string m = methods[s - 1].Name;
            var (gain, logCost) = _episode.Samples[m];
            double cost = MethodCost.Budget(m, graph, options.Settings) * Math.Exp(logCost);
            double net = Math.Min(gain, gap) - adaptive.PricePerSecond * cost / 1000;
            _decisions[s] = new AdaptiveDecision(m, gain, gap, cost, false);
            string family = MethodCost.Split(m).Method;
            if (Math.Min(gain, gap) > 0 && net >= 0 && (!best.TryGetValue(family, out var held) || net > held.Net))
            {
                best[family] = (s, net);
            }
        }
        var chosen = best.Values.Select(b => b.Slot).Order().ToList();
        foreach (int s in chosen)
        {
            _decisions[s] = _decisions[s] with { Ran = true };
        }
        return chosen;
    }

    public void Observe(PortfolioRun run, IReadOnlyList<int> ran, StartOrder start)
    {
        if (_episode is null)
        {
            return;
        }
        var graph = run.Analysis.Graph;
        double startPeak = start.Peak;
        // Cancelled by a prover, refused, or cut by the wall clock: nothing deterministic to learn from.
        var finished = ran.Where(s => run.Slots[s] is { Status: not (CandidateStatus.Skipped or CandidateStatus.Capped) }).ToList();
        var candidates = finished.Select(s => run.Slots[s]!).ToList();
        double[] credit = StageCredit.Of(startPeak, [.. candidates.Select(c =>
            (MethodCost.Budget(MethodCost.Split(c.Method).Method, graph, options.Settings), c.Succeeded ? (double?)c.PeakBytes!.Value : null))]);
        for (int i = 0; i < finished.Count; i++)
        {
            var c = candidates[i];
            double budget = MethodCost.Budget(c.Method, graph, options.Settings);
            double cost = MethodCost.Observed(c, graph, options.Settings);
            posterior.Observe(Traits!.Class, c.Method, credit[i], Math.Log(Math.Max(cost, 1e-9) / Math.Max(budget, 1e-9)));
            _decisions[finished[i]] = _decisions[finished[i]] with { Gain = credit[i], Cost = cost };
        }
    }
}
