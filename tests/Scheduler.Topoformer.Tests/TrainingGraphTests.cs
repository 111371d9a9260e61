using Scheduler.Baselines;
using Scheduler.Graphs;
using Scheduler.Testing;
using Scheduler.Topoformer.Training;

namespace Scheduler.Topoformer.Tests;

public sealed class TrainingGraphTests
{
    [Theory]
    [InlineData("kahn", "bfs")]
    [InlineData("memory-greedy", "xla-list")]
    [InlineData("dfs", "dfs")]
    [InlineData("lpmf", "lpmf")]
    public void TeacherFunction_ConfigName_IsTheCatalogHeuristic(string teacher, string method)
    {
        var heuristic = HeuristicCatalog.All.Single(d => d.Name == method).Create(SchedulerSettings.Default);
        for (int seed = 0; seed < 10; seed++)
        {
            var graph = TestData.RandomDag(seed, 80);
            Assert.Equal(heuristic.Order(graph), TrainingGraph.TeacherFunction(teacher)(graph));
        }
    }

    [Fact]
    public void TeacherFunction_BestSimple_NoWorseThanEachOfItsTeachers()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            var graph = TestData.RandomDag(seed, 80);
            long best = MemoryModel.Evaluate(graph, TrainingGraph.TeacherFunction("best-simple")(graph));
            foreach (string teacher in new[] { "kahn", "memory-greedy", "dfs" })
            {
                Assert.True(best <= MemoryModel.Evaluate(graph, TrainingGraph.TeacherFunction(teacher)(graph)), $"seed {seed} {teacher}");
            }
        }
    }

    [Fact]
    public void TeacherFunction_UnknownName_ListsKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingGraph.TeacherFunction("greedy"));
        Assert.Contains("post-order", e.Message);
    }
}
