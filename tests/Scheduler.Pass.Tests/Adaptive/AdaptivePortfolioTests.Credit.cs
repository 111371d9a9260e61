using Scheduler.Graphs;
using Scheduler.Pass.Adaptive;

namespace Scheduler.Pass.Tests.Adaptive;

public partial class AdaptivePortfolioTests
{
    [Fact]
    public void Schedule_CreditsOfAStage_SumToTheStagesGain_OverTheHeuristics()
    {
        // Everything worth running (a certain 50 % gain at no price), so the search stage holds several methods.
        var certain = AdaptiveOptions.Default with { PricePerSecond = 0, GainPrior = new NormalGamma(0.5, 1e6, 1e6, 1e-6) };
        var portfolio = Portfolio(adaptive: certain);
        var kinds = MethodCatalog.Members.ToDictionary(d => d.Name, d => d.Kind);
        int checkedStages = 0;
        foreach (var g in Stream(6))
        {
            var r = portfolio.Schedule(g);
            var byMethod = r.Pass.Candidates.ToDictionary(c => c.Method);
            var search = r.Decisions.Where(d => d.Gain is not null && kinds[MethodCost.Split(d.Method).Method] == MethodKind.Search).ToList();
            if (search.Count < 2)
            {
                continue;
            }
            // The search stage starts from the best of the input and the heuristics.
            long start = r.Pass.Candidates.Where(c => c.Succeeded && (c.Method == "input" || kinds[MethodCost.Split(c.Method).Method] == MethodKind.Heuristic))
                .Min(c => c.PeakBytes!.Value);
            long best = Math.Min(start, search.Min(d => byMethod[d.Method].PeakBytes ?? long.MaxValue));
            Assert.Equal((start - best) / (double)start, search.Sum(d => d.Gain!.Value), 12);
            Assert.All(search, d => Assert.InRange(d.Gain!.Value, 0, (start - byMethod[d.Method].PeakBytes!.Value) / (double)start + 1e-12));
            checkedStages++;
        }
        Assert.True(checkedStages > 0, "no graph ran two search methods");
    }
}
