using Scheduler.Pass.Adaptive;

namespace Scheduler.Pass.Tests.Adaptive;

public class NormalGammaTests
{
    private static readonly NormalGamma Prior = new(0.03, 1, 1, 0.001);

    [Fact]
    public void Update_KnownRewards_MatchesTheConjugateFormulas()
    {
        // Rewards 0.1, 0.2, 0.3: n 3, mean 0.2, S 0.02. κ' = 4, m' = (0.03 + 0.6) / 4, α' = 2.5,
        // β' = 0.001 + 0.01 + 1·3·(0.2 − 0.03)² / (2·4).
        var stats = new SampleStats().Add(0.1).Add(0.2).Add(0.3);
        Assert.Equal(3, stats.Count);
        Assert.Equal(0.2, stats.Mean, 12);
        Assert.Equal(0.02, stats.SumSquares, 12);
        var post = Prior.Update(stats);
        Assert.Equal(4, post.Strength, 12);
        Assert.Equal(0.63 / 4, post.Mean, 12);
        Assert.Equal(2.5, post.Shape, 12);
        Assert.Equal(0.001 + 0.01 + 3 * 0.17 * 0.17 / 8, post.Rate, 12);
    }

    [Fact]
    public void Update_OneAtATime_EqualsOneBatchAndMergedHalves()
    {
        double[] rewards = [0.0, 0.12, 0.05, 0.0, 0.31, 0.02, 0.0, 0.07];
        var sequential = Prior;
        var all = new SampleStats();
        foreach (double r in rewards)
        {
            sequential = sequential.Update(new SampleStats().Add(r));
            all = all.Add(r);
        }
        var halves = rewards.Take(3).Aggregate(new SampleStats(), (s, r) => s.Add(r))
            .Merge(rewards.Skip(3).Aggregate(new SampleStats(), (s, r) => s.Add(r)));
        var batch = Prior.Update(all);
        foreach (var other in new[] { sequential, Prior.Update(halves) })
        {
            Assert.Equal(batch.Mean, other.Mean, 12);
            Assert.Equal(batch.Strength, other.Strength, 12);
            Assert.Equal(batch.Shape, other.Shape, 12);
            Assert.Equal(batch.Rate, other.Rate, 12);
        }
    }

    [Fact]
    public void SampleMean_ManyRewardsNearOneValue_ConcentratesThere_FewRewards_Spread()
    {
        var random = new Random(5);
        var many = new SampleStats();
        for (int i = 0; i < 400; i++)
        {
            many = many.Add(0.1 + 0.02 * Sampling.Normal(random));
        }
        var tight = Prior.Update(many);
        var draws = Enumerable.Range(0, 500).Select(i => tight.SampleMean(new Random(i))).ToList();
        Assert.InRange(draws.Average(), 0.095, 0.105);
        Assert.All(draws, d => Assert.InRange(d, 0.09, 0.11));
        // Two zero rewards: the mean is drawn well below the prior's 3 % but still above 1 % now and then (exploration).
        var few = Prior.Update(new SampleStats().Add(0).Add(0));
        var fewDraws = Enumerable.Range(0, 500).Select(i => few.SampleMean(new Random(i))).ToList();
        Assert.InRange(fewDraws.Average(), 0.0, 0.02);
        Assert.Contains(fewDraws, d => d > 0.01);
        Assert.Contains(fewDraws, d => d < 0);
    }

    [Fact]
    public void Gamma_Draws_HaveTheShapeAsMean()
    {
        foreach (double shape in new[] { 0.5, 1, 3.5 })
        {
            var random = new Random(11);
            double mean = Enumerable.Range(0, 20_000).Average(_ => Sampling.Gamma(random, shape));
            Assert.InRange(mean, shape * 0.96, shape * 1.04);
        }
    }

    [Fact]
    public void Seed_IsStableAndSeparatesItsParts()
    {
        Assert.Equal(Sampling.Seed(3, "a", "bc"), Sampling.Seed(3, "a", "bc"));
        Assert.NotEqual(Sampling.Seed(3, "a", "bc"), Sampling.Seed(3, "ab", "c"));
        Assert.NotEqual(Sampling.Seed(3, "a"), Sampling.Seed(4, "a"));
        Assert.NotEqual(Sampling.Seed(-1, "a"), Sampling.Seed(1, "a"));
    }
}
