using Scheduler.Graphs.Generators;

namespace Scheduler.Graphs.Tests.Generators;

public class ErdosRenyiGeneratorTests
{
    [Fact]
    public void Generate_ProbabilityOne_EveryPairOnce_ProbabilityZero_None()
    {
        // p = 1 makes every geometric gap 0, so the pair numbering k -> (i, j) must hit each pair i < j exactly once.
        var full = ErdosRenyiGenerator.Generate(70, 1.0, seed: 2);
        Assert.Equal(70 * 69 / 2, full.EdgeCount);
        Assert.All(Enumerable.Range(0, 70), v => Assert.Equal(Enumerable.Range(v + 1, 69 - v).ToArray(), full.Successors(v).ToArray()));
        Assert.Equal(0, ErdosRenyiGenerator.Generate(70, 0.0, seed: 2).EdgeCount);
    }

    [Fact]
    public void Generate_ManySeeds_EachPairAppearsWithProbabilityP()
    {
        // The first, a middle and the last pair in the numbering all come out at frequency p (within 4 standard errors).
        const int n = 30, runs = 2000;
        const double p = 0.3;
        int first = 0, middle = 0, last = 0;
        for (int seed = 0; seed < runs; seed++)
        {
            var g = ErdosRenyiGenerator.Generate(n, p, seed);
            first += g.Successors(0).Contains(1) ? 1 : 0;
            middle += g.Successors(7).Contains(15) ? 1 : 0;
            last += g.Successors(n - 2).Contains(n - 1) ? 1 : 0;
        }
        double tolerance = 4 * Math.Sqrt(p * (1 - p) / runs) * runs;
        Assert.All(new[] { first, middle, last }, count => Assert.InRange(count, p * runs - tolerance, p * runs + tolerance));
    }

    [Fact]
    public void Generate_SparseAtScale_LinearInEdges()
    {
        // 200,000 ops at 4/N: 2·10¹⁰ pairs, about 400,000 edges. A coin per pair would not finish; gaps do at once.
        const int n = 200_000;
        var g = ErdosRenyiGenerator.Generate(n, 4.0 / n, seed: 1);
        Assert.Equal(n, g.OpCount);
        Assert.InRange(g.EdgeCount, 2.0 * n * 0.98, 2.0 * n * 1.02);
    }
}
