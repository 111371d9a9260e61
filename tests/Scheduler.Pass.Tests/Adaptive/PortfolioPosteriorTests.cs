using Scheduler.Pass.Adaptive;

namespace Scheduler.Pass.Tests.Adaptive;

public class PortfolioPosteriorTests
{
    private static readonly AdaptiveOptions Options = AdaptiveOptions.Default with { Seed = 7 };
    private static readonly string[] Methods = ["local", "exact"];

    [Fact]
    public void Posterior_OwnObservations_MoveTheMeanToThem_OtherClassesGainAtMostPoolWeight_CostNever()
    {
        var p = new PortfolioPosterior();
        for (int i = 0; i < 10; i++)
        {
            p.Observe("big", "exact", 0, 0);
        }
        // No data on "small": its prior is the base prior plus "big"'s ten zeros shrunk to PoolWeight = 2 observations.
        var (gain, _) = p.Posterior("small", "exact", Options);
        Assert.Equal(1 + 2, gain.Strength, 12);
        Assert.Equal(0.03 / 3, gain.Mean, 12);
        p.Observe("small", "exact", 0.2, 0);
        (gain, _) = p.Posterior("small", "exact", Options);
        Assert.Equal(4, gain.Strength, 12);
        Assert.Equal((0.03 + 0.2) / 4, gain.Mean, 12);
        // "big" sees its own ten zeros plus "small"'s one observation (below the pool cap).
        Assert.Equal(1 + 1 + 10, p.Posterior("big", "exact", Options).Gain.Strength, 12);
        // Costs are not pooled: "small"'s cost posterior holds its own one observation only.
        Assert.Equal(1 + 1, p.Posterior("small", "exact", Options).LogCost.Strength, 12);
    }

    [Fact]
    public void Posterior_VariantWithKinOnTheClass_TakesItsPriorFromThemInsteadOfOtherClasses()
    {
        var p = new PortfolioPosterior();
        for (int i = 0; i < 10; i++)
        {
            p.Observe("flat", "local@0.1", 0, 0); // another class, nothing to gain there
            p.Observe("wide", "local", 0.2, 0);
        }
        // On "wide" local@0.1 has not run: its prior is the base prior plus local's ten 20 % gains there, shrunk to 2.
        var (gain, cost) = p.Posterior("wide", "local@0.1", Options);
        Assert.Equal(1 + 2, gain.Strength, 12);
        Assert.Equal((0.03 + 2 * 0.2) / 3, gain.Mean, 12);
        Assert.Equal(1, cost.Strength, 12);
        // On a class where no variant of local ran, the other classes speak: "flat"'s zeros (local@0.1's own).
        Assert.Equal(0.03 / 3, p.Posterior("tall", "local@0.1", Options).Gain.Mean, 12);
        // Kin are the other variants only, never the method itself, and never another method.
        Assert.Equal(10, p.Kin("wide", "local@0.1").Gain.Count);
        Assert.Equal(0, p.Kin("wide", "local").Gain.Count);
        Assert.Equal(0, p.Kin("wide", "beam").Gain.Count);
    }

    [Fact]
    public void BeginGraph_TsdeRules_StartEpisodesWhereDocumented()
    {
        var p = new PortfolioPosterior();
        var (e, why) = p.BeginGraph("a", Methods, Options);
        Assert.Equal((0, "first graph of the class"), (e.Index, why));
        // Episode 0 ran one graph, more than the none before it: rule 1 starts episode 1.
        (e, why) = p.BeginGraph("a", Methods, Options);
        Assert.Equal(1, e.Index);
        Assert.Contains("one more than", why);
        // Episode 1 may run two graphs (the one before ran one).
        var first = e.Samples;
        (e, why) = p.BeginGraph("a", Methods, Options);
        Assert.Null(why);
        Assert.Equal((1, 2), (e.Index, e.Length));
        Assert.Equal(first, e.Samples);
        // Another class in between: coming back to "a" starts a new episode (the family changed).
        p.BeginGraph("b", Methods, Options);
        (e, why) = p.BeginGraph("a", Methods, Options);
        Assert.Equal(2, e.Index);
        Assert.Contains("came from b", why);
        Assert.Equal(5, p.GraphsSeen);
    }

    [Fact]
    public void BeginGraph_ObservationsDoubled_StartsANewEpisode()
    {
        var p = new PortfolioPosterior();
        p.BeginGraph("a", Methods, Options);
        p.BeginGraph("a", Methods, Options); // episode 1, start observations 0
        p.Observe("a", "local", 0.1, 0);
        p.Observe("a", "local", 0.1, 0);
        var (e, why) = p.BeginGraph("a", Methods, Options);
        Assert.Equal(2, e.Index);
        Assert.Contains("doubled", why);
        Assert.Equal(2, e.StartObservations);
    }

    [Fact]
    public void BeginGraph_SameSeedAndStream_SameDraws_OtherSeed_OtherDraws()
    {
        static IReadOnlyDictionary<string, (double, double)> Draws(int seed)
        {
            var p = new PortfolioPosterior();
            p.Observe("a", "local", 0.05, -0.2);
            return p.BeginGraph("a", Methods, Options with { Seed = seed }).Episode.Samples;
        }
        Assert.Equal(Draws(1), Draws(1));
        Assert.NotEqual(Draws(1)["local"], Draws(2)["local"]);
    }
}
