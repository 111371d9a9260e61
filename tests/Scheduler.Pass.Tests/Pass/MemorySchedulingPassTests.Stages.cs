using System.Collections.Concurrent;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Pass;
using Scheduler.Testing;

namespace Scheduler.Pass.Tests;

public partial class MemorySchedulingPassTests
{
    /// <summary>Two chains in a file order that starts both big ops first: input 201 B, best 101 B.</summary>
    private static ComputationGraph TwoChains() => ComputationGraph.FromSizes([100, 100, 1, 1], [(0, 2), (1, 3)]);

    /// <summary>An improving method that returns a fixed order with a fixed status and records the start it was handed.</summary>
    private sealed class FakeSolver(string name, int[] order, SolveStatus status, ConcurrentBag<string>? log = null, int delayMs = 0) : ISolvingScheduler
    {
        public string Name => name;

        public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default) => order;

        public SolveResult Solve(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken = default)
        {
            log?.Add($"{name}<-{start?.Source}");
            Task.Delay(delayMs, cancellationToken).Wait(cancellationToken);
            return new SolveResult(order, status);
        }
    }

    private static SchedulerDescriptor Solver(string name, MethodKind kind, int[] order, SolveStatus status, ConcurrentBag<string>? log = null, int delayMs = 0)
        => new(name, name, kind, _ => new FakeSolver(name, order, status, log, delayMs));

    [Fact]
    public void Run_InputOrderMeetsTheBound_SkipsEveryMethodAndReportsTheProof()
    {
        var chain = ComputationGraph.FromSizes([1, 2, 3], [(0, 1), (1, 2)]);
        var result = new MemorySchedulingPass(MethodCatalog.Members).Run(chain, PassOptions.Default);
        Assert.Equal("input", result.Best.Scheduler);
        Assert.True(result.ProvenOptimal);
        Assert.Contains("lower bound", result.ProofSource);
        Assert.All(result.Candidates.Skip(1), c => Assert.Equal(CandidateStatus.Skipped, c.Status));
        Assert.False(result.Capped);
    }

    [Fact]
    public void Run_EveryLaterStage_StartsFromTheBestOrderOfTheStagesBefore()
    {
        // Three chains: the file order peaks at 301 B, "okay" at 201 B, the optimum (one chain at a time) at 101 B.
        var g = ComputationGraph.FromSizes([100, 100, 100, 1, 1, 1], [(0, 3), (1, 4), (2, 5)]);
        int[] okay = [0, 1, 3, 4, 2, 5];
        var log = new ConcurrentBag<string>();
        var pass = new MemorySchedulingPass([
            Fixed("okay", _ => okay),
            Solver("search", MethodKind.Search, okay, SolveStatus.Feasible, log),
            Solver("solver", MethodKind.Exact, okay, SolveStatus.Feasible, log),
        ]);
        var result = pass.Run(g, Options("okay", "search", "solver"));
        Assert.Equal(201, result.Best.PeakBytes);
        // Both later stages start from the best earlier order; "okay" ties with "search" and comes first.
        Assert.Equal(["search<-okay", "solver<-okay"], log.Order());
        Assert.False(result.ProvenOptimal);
    }

    [Fact]
    public void Run_AProofCancelsOnlyTheMethodsListedAfterIt()
    {
        var g = TestData.RandomDag(5, 40);
        var kahn = TopologicalSort.KahnOrder(g);
        var pass = new MemorySchedulingPass([
            Solver("slow-first", MethodKind.Exact, kahn, SolveStatus.Feasible, delayMs: 300),
            Solver("prover", MethodKind.Exact, kahn, SolveStatus.Optimal),
            // Only a cancellation ends it in time: no wall-clock assertion, which a loaded CI machine (thread-pool
            // starvation from parallel test classes) broke once when this delay was 5 s.
            Solver("after", MethodKind.Exact, kahn, SolveStatus.Feasible, delayMs: 120_000),
        ]);
        var options = Options("slow-first", "prover", "after") with { Parallelism = 3 };
        var result = pass.Run(g, options);
        var byName = result.Candidates.ToDictionary(c => c.Method);
        Assert.NotEqual(CandidateStatus.Skipped, byName["slow-first"].Status);
        Assert.Equal(CandidateStatus.Optimal, byName["prover"].Status);
        Assert.Equal(CandidateStatus.Skipped, byName["after"].Status);
        Assert.Contains("prover", byName["after"].Message);
        Assert.True(result.ProvenOptimal);
    }

    [Fact]
    public void Run_RealPortfolio_SameOrderAtEveryParallelism()
    {
        var pass = new MemorySchedulingPass(MethodCatalog.Members);
        string[] methods = ["bfs", "lpmf", "xla-list", "beam", "local", "exact"];
        for (int seed = 0; seed < 6; seed++)
        {
            var g = TestData.RandomDag(100 + seed, 60);
            var options = Options(methods) with { Settings = SchedulerSettings.Default with { Effort = 0.05 }, TimeBudget = TimeSpan.FromSeconds(120) };
            var one = pass.Run(g, options with { Parallelism = 1 });
            var four = pass.Run(g, options with { Parallelism = 4 });
            Assert.False(one.Capped || four.Capped, $"seed {seed}: the safety cap was reached");
            Assert.True(one.Best.Order.SequenceEqual(four.Best.Order), $"seed {seed}: " + string.Join("; ", one.Candidates.Zip(four.Candidates, (a, b) => $"{a.Method} {a.PeakBytes}/{b.PeakBytes} {a.Status}/{b.Status} {a.Message}|{b.Message}")));
            Assert.Equal(one.Best.Scheduler, four.Best.Scheduler);
            Assert.Equal(one.Candidates.Select(c => (c.Method, c.PeakBytes, c.Status)), four.Candidates.Select(c => (c.Method, c.PeakBytes, c.Status)));
        }
    }
}
