using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Pass.Tests;

public class ArenaCatalogTests
{
    [Fact]
    public void Create_EveryId_StrategiesInOrderBestRunsAllThree()
    {
        Assert.Equal(["greedy-size", "greedy-breadth", "cpsat"], ArenaCatalog.Create("best", SchedulerSettings.Default).Select(s => s.Name));
        foreach (string id in ArenaCatalog.Ids.Skip(1))
        {
            Assert.Equal([id], ArenaCatalog.Create(id, SchedulerSettings.Default).Select(s => s.Name));
        }
    }

    [Fact]
    public void Problem_Misspelt_SuggestsAndListsKnown()
    {
        string problem = ArenaCatalog.Problem("greedy-breath")!;
        Assert.Contains("'greedy-breath'", problem);
        Assert.Contains("greedy-breadth", problem);
        Assert.Contains("cpsat", problem);
        Assert.Null(ArenaCatalog.Problem("best"));
        Assert.Throws<ArgumentException>(() => ArenaCatalog.Create("nope", SchedulerSettings.Default));
    }

    [Fact]
    public void Best_RandomGraphs_ValidAndNoLargerThanAnySingleStrategy()
    {
        var settings = new SchedulerSettings(Effort: 0.05);
        for (int seed = 0; seed < 10; seed++)
        {
            var g = TestData.RandomDag(seed, 30);
            var problem = ArenaPlanner.Problem(g, Orders.RandomTopological(g, new Random(seed)), null, seed % 2 == 0 ? 1 : 8);
            var best = ArenaPlanner.Plan(problem, ArenaCatalog.Create("best", settings));
            ArenaChecks.Valid(best, $"seed {seed}");
            foreach (string id in ArenaCatalog.Ids.Skip(1))
            {
                long single = ArenaPlanner.Plan(problem, ArenaCatalog.Create(id, settings)).ArenaBytes;
                Assert.True(best.ArenaBytes <= single, $"seed {seed}: best {best.ArenaBytes} > {id} {single}");
            }
        }
    }
}
