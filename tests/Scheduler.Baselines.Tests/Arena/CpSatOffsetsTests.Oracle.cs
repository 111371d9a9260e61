using Scheduler.Baselines.Arena;
using Scheduler.Graphs;
using Scheduler.Graphs.Arena;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Arena;

public partial class CpSatOffsetsTests
{
    /// <summary>
    /// The exact optimum of a tiny problem by brute force: the smallest arena over every order of the blocks, each placed
    /// at the lowest aligned offset free of the blocks before it that it is live with. Some order reaches the optimum:
    /// place the blocks of an optimal plan in order of their offsets and each lands no higher than it was.
    /// </summary>
    private static long BruteForceArena(ArenaProblem problem)
    {
        var blocks = Enumerable.Range(0, problem.Count).ToArray();
        long best = long.MaxValue;
        foreach (var order in Permutations(blocks, 0))
        {
            var offsets = new long[problem.Count];
            long arena = 0;
            for (int i = 0; i < order.Length; i++)
            {
                int b = order[i];
                long at = 0;
                for (bool moved = true; moved;)
                {
                    moved = false;
                    for (int j = 0; j < i; j++)
                    {
                        int p = order[j];
                        if (problem.Size[p] > 0 && problem.Size[b] > 0 && problem.OverlapInTime(p, b) && at < offsets[p] + problem.Size[p] && offsets[p] < at + problem.Size[b])
                        {
                            at = problem.Align(offsets[p] + problem.Size[p]);
                            moved = true;
                        }
                    }
                }
                offsets[b] = at;
                arena = Math.Max(arena, at + problem.Size[b]);
            }
            best = Math.Min(best, arena);
        }
        return best;
    }

    private static IEnumerable<int[]> Permutations(int[] items, int from)
    {
        if (from >= items.Length - 1)
        {
            yield return (int[])items.Clone();
            yield break;
        }
        for (int i = from; i < items.Length; i++)
        {
            (items[from], items[i]) = (items[i], items[from]);
            foreach (var p in Permutations(items, from + 1))
            {
                yield return p;
            }
            (items[from], items[i]) = (items[i], items[from]);
        }
    }

    [Fact]
    public void Assign_TinyProblems_EqualsBruteForceOptimumAndBoundBelowIt()
    {
        int checkedProblems = 0;
        for (int seed = 0; seed < 60; seed++)
        {
            var g = TestData.RandomDag(seed, 7);
            long alignment = seed % 3 == 0 ? 8 : 1;
            var problem = ArenaPlanner.Problem(g, Orders.RandomTopological(g, new Random(seed)), null, alignment);
            if (problem.Count > 7)
            {
                continue;
            }
            long optimum = BruteForceArena(problem);
            string where = $"seed {seed}, alignment {alignment}";
            Assert.True(problem.LowerBound <= optimum, $"{where}: bound {problem.LowerBound} above the optimum {optimum}");
            var cpsat = Solver(SchedulerSettings.Default).Assign(problem, null);
            ArenaChecks.Valid(problem, cpsat, where);
            Assert.True(cpsat.ArenaBytes == optimum, $"{where}: cpsat {cpsat.ArenaBytes}, optimum {optimum} ({cpsat.Message})");
            Assert.True(cpsat.Proven, $"{where}: {cpsat.Message}");
            checkedProblems++;
        }
        Assert.True(checkedProblems >= 40, $"only {checkedProblems} tiny problems");
    }
}
