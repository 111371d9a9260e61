using Scheduler.Baselines.Search;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Search;

public sealed class WindowSolverTests
{
    [Fact]
    public void Solve_EveryWindowOfTinyGraphs_MatchesExhaustiveWindowOrders()
    {
        int compared = 0;
        for (int seed = 0; seed < 60; seed++)
        {
            var graph = TinyGraphs.Random(seed);
            var order = Orders.RandomTopological(graph, new Random(seed));
            var solver = new WindowSolver(graph, MemoryModelOptions.Default);
            for (int from = 0; from < order.Length; from++)
            {
                for (int length = 1; from + length <= order.Length; length++)
                {
                    foreach (long ceiling in new[] { long.MaxValue, WindowMax(graph, order, from, length) })
                    {
                        long? expected = ExhaustiveBest(graph, order, from, length, ceiling);
                        var outcome = solver.Solve(order, from, length, ceiling, stateLimit: 1_000_000);
                        Assert.True(outcome.Complete, $"seed {seed}");
                        Assert.True((expected is null) == (outcome.Window is null), $"seed {seed} window {from}+{length} ceiling {ceiling}: exhaustive {expected}, solver {outcome.WindowPeak} {(outcome.Window is null ? "none" : string.Join(",", outcome.Window))}, order {string.Join(",", order)}");
                        if (outcome.Window is { } window)
                        {
                            var spliced = (int[])order.Clone();
                            window.CopyTo(spliced, from);
                            Assert.True(MemoryModel.IsValid(graph, spliced, out string? why), $"seed {seed}: {why}");
                            Assert.Equal(expected, WindowMax(graph, spliced, from, length));
                            Assert.Equal(expected, outcome.WindowPeak);
                            AssertStepsOutsideUnchanged(graph, order, spliced, from, length);
                        }
                        compared++;
                    }
                }
            }
        }
        Assert.True(compared > 500, $"only {compared} windows compared");
    }

    [Fact]
    public void Solve_StateLimitCutsTheSearch_SaysIncomplete()
    {
        var graph = TestData.RandomDag(4, maxNodes: 60);
        var order = Orders.RandomTopological(graph, new Random(4));
        int length = Math.Min(40, order.Length);
        var outcome = new WindowSolver(graph, MemoryModelOptions.Default).Solve(order, 0, length, long.MaxValue, stateLimit: 3);
        Assert.False(outcome.Complete);
        Assert.Null(outcome.Window);
    }

    [Fact]
    public void Solve_WindowLongerThanAMask_Throws()
    {
        var graph = TestData.RandomDag(1, maxNodes: 200);
        var order = Orders.RandomTopological(graph, new Random(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowSolver(graph, MemoryModelOptions.Default).Solve(order, 0, WindowSolver.MaxLength + 1, long.MaxValue, 10));
    }

    private static long[] Steps(ComputationGraph graph, int[] order)
    {
        var sim = new MemorySimulator(graph);
        return order.Select(sim.Execute).ToArray();
    }

    private static long WindowMax(ComputationGraph graph, int[] order, int from, int length)
        => Steps(graph, order).Skip(from).Take(length).Max();

    private static void AssertStepsOutsideUnchanged(ComputationGraph graph, int[] before, int[] after, int from, int length)
    {
        long[] a = Steps(graph, before), b = Steps(graph, after);
        for (int k = 0; k < a.Length; k++)
        {
            if (k < from || k >= from + length)
            {
                Assert.Equal(a[k], b[k]);
            }
        }
    }

    /// <summary>Lowest window maximum over every valid reordering of the window with all its steps below the ceiling.</summary>
    private static long? ExhaustiveBest(ComputationGraph graph, int[] order, int from, int length, long ceiling)
    {
        long? best = null;
        var window = order.Skip(from).Take(length).ToArray();
        foreach (var permutation in Permutations(window))
        {
            var candidate = (int[])order.Clone();
            permutation.CopyTo(candidate, from);
            if (!MemoryModel.IsValid(graph, candidate, out _))
            {
                continue;
            }
            long max = WindowMax(graph, candidate, from, length);
            if (max < ceiling && (best is null || max < best))
            {
                best = max;
            }
        }
        return best;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (int i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
