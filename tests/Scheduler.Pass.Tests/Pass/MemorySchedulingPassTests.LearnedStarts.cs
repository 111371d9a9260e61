using System.Collections.Concurrent;
using Scheduler.Graphs;
using Scheduler.Pass;
using Scheduler.Testing;
using Scheduler.Topoformer;
using Scheduler.Topoformer.Model;

namespace Scheduler.Pass.Tests;

public partial class MemorySchedulingPassTests
{
    [Fact]
    public void Run_LearnedOrderBeatsTheHeuristics_SearchStartsFromIt()
    {
        // Three chains: the file order (and the heuristic's) peaks at 301 B, the learned order at 201 B, above the
        // bound, so nothing proves optimality and every stage runs.
        var g = ComputationGraph.FromSizes([100, 100, 100, 1, 1, 1], [(0, 3), (1, 4), (2, 5)]);
        int[] learned = [0, 1, 3, 4, 2, 5];
        var log = new ConcurrentBag<string>();
        var pass = new MemorySchedulingPass([
            Fixed("file-like", _ => [0, 1, 2, 3, 4, 5]),
            Solver("search", MethodKind.Search, learned, SolveStatus.Feasible, log),
            Solver("learned", MethodKind.Learned, learned, SolveStatus.Feasible, log),
        ]);
        var result = pass.Run(g, Options("file-like", "search", "learned"));
        // The learned method runs in its own stage, before the search, from the best heuristic order (input wins the
        // tie); the search then starts from the learned order although it is listed first.
        Assert.Equal(["learned<-input", "search<-learned"], log.Order());
        Assert.Equal(201, result.Best.PeakBytes);
        Assert.Equal("search", result.Best.Scheduler); // the search ties the learned order and is listed first
    }

    [Fact]
    public void Run_RealTopoformerAndLocal_LocalStartsFromTheBestEarlierOrderAndEveryOrderIsVerified()
    {
        string dir = Directory.CreateTempSubdirectory("pass-learned").FullName;
        try
        {
            TorchSharp.torch.manual_seed(5);
            using (var network = new TopoformerNetwork(new TopoformerOptions { Layers = 2, ModelDim = 16, HeadDim = 4, MlpRatio = 2 }))
            {
                TopoformerCheckpoint.Save(network, dir);
            }
            var pass = new MemorySchedulingPass(MethodCatalog.Members);
            var options = Options("bfs", "topoformer", "topoformer-sample", "local") with
            {
                Settings = SchedulerSettings.Default with { ModelPath = dir, Effort = 0.001 },
                TimeBudget = TimeSpan.FromSeconds(120),
            };
            int learnedStarts = 0;
            for (int seed = 0; seed < 12; seed++)
            {
                var g = TestData.RandomDag(300 + seed, 60);
                var result = pass.Run(g, options);
                Assert.False(result.Capped, $"seed {seed}");
                foreach (var c in result.Candidates.Where(c => c.Succeeded))
                {
                    Assert.True(MemoryModel.IsValid(g, c.Order, out string? why), $"seed {seed} {c.Method}: {why}");
                    Assert.Equal(MemoryModel.Evaluate(g, c.Order), c.PeakBytes);
                }
                var local = result.Candidates.Single(c => c.Method == "local");
                if (local.Status != CandidateStatus.Feasible)
                {
                    continue; // skipped (an earlier order met the bound) or optimal (its message names no start)
                }
                // The incumbent local was handed: the lowest peak before it, the earliest slot on ties.
                var before = result.Candidates.Where(c => c.Succeeded && c.Method != "local").ToList();
                var start = before.First(c => c.PeakBytes == before.Min(b => b.PeakBytes));
                Assert.Contains($"from {start.Method} (peak {start.PeakBytes})", local.Message, StringComparison.Ordinal);
                learnedStarts += start.Method.StartsWith("topoformer", StringComparison.Ordinal) ? 1 : 0;
            }
            Assert.True(learnedStarts > 0, "no graph had local start from a learned order");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
