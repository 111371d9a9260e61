using Scheduler.Graphs;
using Scheduler.Pass;
using Scheduler.Testing;

namespace Scheduler.Pass.Tests;

public class MethodRunnerTraceTests
{
    /// <summary>Returns the order [0, 2, 1] with the anytime curve it is given.</summary>
    private sealed class TracingScheduler(AnytimePoint[] trace) : ISolvingScheduler
    {
        public string Name => "tracing";

        public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default) => [0, 2, 1];

        public SolveResult Solve(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken = default)
            => new(Order(analysis.Graph, cancellationToken), SolveStatus.Feasible) { Trace = trace };
    }

    private static CandidateResult Run(params AnytimePoint[] trace)
    {
        var descriptor = new SchedulerDescriptor("tracing", "tracing", MethodKind.Search, _ => new TracingScheduler(trace));
        return MethodRunner.Run(descriptor, new GraphAnalysis(InPlaceGraphs.ReaderAfterRelu()), null, SchedulerSettings.Default);
    }

    [Fact]
    public void Run_TraceEndingAtTheVerifiedPeak_IsKept()
    {
        // [0, 2, 1] peaks at 210 B under the default model (MemorySchedulingPassTests.InPlace).
        var result = Run(new(0, 0, 300), new(7, 1, 210));
        Assert.Equal(210, result.PeakBytes);
        Assert.Equal([new(0, 0, 300), new(7, 1, 210)], result.Trace!);
    }

    [Fact]
    public void Run_TraceEndingElsewhere_IsDropped()
    {
        // A curve that claims a peak the memory model does not give the order is not reported.
        Assert.Null(Run(new(0, 0, 300), new(7, 1, 110)).Trace);
        Assert.Null(Run().Trace);
    }
}
