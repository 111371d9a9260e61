using Scheduler.Pass.Adaptive;

namespace Scheduler.Pass.Tests.Adaptive;

public class StageCreditTests
{
    [Fact]
    public void Of_CheapestFirst_EachMethodGetsWhatItAddsOverTheCheaperOnes()
    {
        // Start 100. Costs 30, 10, 20 (given in that order): the cheapest (peak 90) is credited 10 %, the next (peak
        // 95) nothing (the cheaper one did better), the dearest (peak 80) the 10 % below 90.
        double[] credit = StageCredit.Of(100, [(30, 80), (10, 90), (20, 95)]);
        Assert.Equal([0.10, 0.10, 0], credit.Select(c => Math.Round(c, 12)));
        Assert.Equal(0.20, credit.Sum(), 12);
    }

    [Fact]
    public void Of_TieInPeak_GoesToTheLowerRank_TieInRank_ToTheEarlier()
    {
        Assert.Equal([0, 0.5], StageCredit.Of(100, [(5, 50), (1, 50)]));
        Assert.Equal([0.5, 0], StageCredit.Of(100, [(1, 50), (1, 50)]));
    }

    [Fact]
    public void Of_NoOrderOrWorseThanTheStart_GetsNothing()
    {
        Assert.Equal([0, 0, 0.25], StageCredit.Of(100, [(1, null), (2, 120), (3, 75)]));
        Assert.Equal([0.0], StageCredit.Of(0, [(1, 0)]));
    }
}
