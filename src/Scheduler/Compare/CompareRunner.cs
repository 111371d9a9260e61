using Scheduler.Graphs;
using Scheduler.Pass;

namespace Scheduler.Compare;

/// <summary>
/// Runs methods over graphs, one at a time (timings stay honest on a small machine), scoring every order with the
/// memory model. The pseudo-method <c>best</c> is the portfolio of the other methods in the same run: the lowest peak
/// among them with <c>input</c> winning ties, and the sum of their times. Peaks use the memory model of
/// <see cref="PassOptions.Memory"/> (in-place reuse when asked); the bounds are always the default model's.
/// </summary>
public sealed class CompareRunner(IReadOnlyList<SchedulerDescriptor> catalog, PassOptions options)
{
    /// <summary>Called after each (graph, method) with the number done and the total.</summary>
    public event Action<CompareRow, int, int>? RowFinished;

    /// <summary>Runs <paramref name="methods"/> on every graph.</summary>
    /// <exception cref="ArgumentException">A method id is unknown.</exception>
    public IReadOnlyList<CompareRow> Run(IReadOnlyList<NamedGraph> graphs, IReadOnlyList<string> methods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        ArgumentNullException.ThrowIfNull(methods);
        var pass = new MemorySchedulingPass(catalog);
        var resolved = pass.Resolve(methods);
        bool wantInput = methods.Contains("input"), wantBest = methods.Contains("best");
        int total = graphs.Count * (resolved.Count + (wantInput ? 1 : 0) + (wantBest ? 1 : 0)), done = 0;
        var rows = new List<CompareRow>();
        foreach (var g in graphs)
        {
            long ws = MemoryModel.WorkingSetBound(g.Graph), cut = MemoryModel.CutBound(g.Graph);
            var candidates = new List<CandidateResult> { MethodRunner.InputOrder(g.Graph, options.Memory) };
            if (wantInput)
            {
                Emit(rows, Row(g, candidates[0], ws, cut), ++done, total);
            }
            foreach (var method in resolved)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = RunOne(method, g.Graph, cancellationToken);
                candidates.Add(result);
                Emit(rows, Row(g, result, ws, cut), ++done, total);
            }
            if (wantBest)
            {
                Emit(rows, Row(g, Portfolio(candidates), ws, cut), ++done, total);
            }
        }
        return rows;
    }

    private CandidateResult RunOne(SchedulerDescriptor method, ComputationGraph graph, CancellationToken ct)
    {
        if (method.Kind == "exact" && graph.OpCount > options.ExactOpLimit)
        {
            return new CandidateResult(method.Name, null, null, 0, "skipped", $"graph has {graph.OpCount} ops, exact methods run up to {options.ExactOpLimit}");
        }
        return MethodRunner.Run(method, graph, options.ToSettings(options.TimeBudget), ct, options.Memory);
    }

    private static CandidateResult Portfolio(List<CandidateResult> candidates)
    {
        var best = candidates[0];
        foreach (var c in candidates)
        {
            if (c.Succeeded && c.PeakBytes < best.PeakBytes)
            {
                best = c;
            }
        }
        double total = candidates.Sum(c => c.ElapsedMs);
        return new CandidateResult("best", best.Order, best.PeakBytes, total, "ok", $"won by {best.Method}");
    }

    private void Emit(List<CompareRow> rows, CompareRow row, int done, int total)
    {
        rows.Add(row);
        RowFinished?.Invoke(row, done, total);
    }

    private static CompareRow Row(NamedGraph g, CandidateResult r, long ws, long cut)
    {
        long[]? ids = r.Order?.Select(op => g.Graph.OpId(op)).ToArray();
        return new CompareRow(g.Dataset, g.Name, g.Graph.OpCount, r.Method, r.PeakBytes, ws, cut, g.Graph.ResidentBytes,
            r.ElapsedMs, r.Status, ids, r.Message, r.ProvenLowerBound);
    }
}
