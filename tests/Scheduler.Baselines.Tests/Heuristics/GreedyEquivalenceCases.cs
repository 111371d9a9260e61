using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Heuristics;

/// <summary>Random graphs on which the fast list schedulers are compared with <see cref="NaiveGreedy"/>.</summary>
internal static class GreedyEquivalenceCases
{
    /// <summary>Layered / Erdős–Rényi DAGs and general graphs (graph inputs, outputs, multi-output ops), seeded.</summary>
    public static IEnumerable<(int Seed, ComputationGraph Graph)> Graphs()
    {
        for (int seed = 1; seed <= 120; seed++)
        {
            yield return (seed, seed % 2 == 0 ? TestData.RandomDag(seed, 150) : TestGraphs.RandomGeneral(seed, 100));
        }
    }

    /// <summary>Asserts equal orders, naming the seed and the first differing step.</summary>
    public static void AssertSame(string name, int seed, int[] expected, int[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == actual[i],
                $"{name} seed {seed}: step {i} runs op {actual[i]}, the naive scan runs op {expected[i]}.");
        }
        Assert.Equal(expected.Length, actual.Length);
    }
}
