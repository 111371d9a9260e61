using System.Diagnostics;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats.Onnx;

namespace Scheduler.Pass;

/// <summary>
/// The pass: runs a portfolio of methods within a time budget, verifies and re-scores every candidate with the one
/// memory model, and keeps the lowest peak. The input order is always the first candidate and wins ties, so the pass
/// never returns a peak above the file order's and never an invalid order. Cheap heuristics always run; search, exact
/// and learned methods run while budget remains, each limited to what is left.
/// </summary>
public sealed class MemorySchedulingPass
{
    private readonly IReadOnlyDictionary<string, SchedulerDescriptor> _methods;

    /// <summary>A pass over the given method catalog.</summary>
    public MemorySchedulingPass(IEnumerable<SchedulerDescriptor> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _methods = catalog.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>A pass over every method this build has (baselines, search, exact, Topoformer).</summary>
    public static MemorySchedulingPass CreateDefault() => new(Methods.MethodCatalog.Members);

    /// <summary>
    /// Reads an ONNX model, schedules it, and writes the model with only the order of <c>graph.node</c> changed
    /// (atomically; external data as <see cref="OnnxModelWriter"/> describes, by <paramref name="writeOptions"/>).
    /// Returns what the pass chose and tried.
    /// </summary>
    /// <exception cref="GraphFormatException">The model cannot be read or written, or its external data cannot be
    /// referenced from the output's folder.</exception>
    public PassResult ReorderOnnx(string inputPath, string outputPath, PassOptions options, OnnxReadOptions? readOptions = null, OnnxWriteOptions? writeOptions = null, CancellationToken cancellationToken = default)
    {
        var model = OnnxGraphReader.Read(inputPath, readOptions);
        var result = Run(model.Graph, options, cancellationToken);
        OnnxModelWriter.Write(model, result.Best.Order.AsSpan(), outputPath, writeOptions);
        return result;
    }

    /// <summary>Reports each finished candidate (for progress displays).</summary>
    public event Action<CandidateResult>? CandidateFinished;

    /// <summary>Schedules <paramref name="graph"/>.</summary>
    /// <exception cref="ArgumentException">A method id is unknown (the message lists the known ones).</exception>
    public PassResult Run(ComputationGraph graph, PassOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var candidates = new List<CandidateResult> { MethodRunner.InputOrder(graph, options.Memory) };
        CandidateFinished?.Invoke(candidates[0]);
        foreach (var method in Resolve(options.Methods))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = options.TimeBudget - clock.Elapsed;
            var result = Skip(method, graph, options, remaining) ?? RunWithin(method, graph, options, remaining, cancellationToken);
            candidates.Add(result);
            CandidateFinished?.Invoke(result);
        }
        var best = candidates[0];
        foreach (var c in candidates)
        {
            if (c.Succeeded && c.PeakBytes < best.PeakBytes)
            {
                best = c;
            }
        }
        var schedule = Schedule.Create(graph, best.Order!, best.Method, options.Memory);
        return new PassResult(schedule, candidates, graph.ResidentBytes, MemoryModel.WorkingSetBound(graph), MemoryModel.CutBound(graph));
    }

    /// <summary>The descriptors for <paramref name="ids"/>, without <c>input</c> (always run) and duplicates.</summary>
    public IReadOnlyList<SchedulerDescriptor> Resolve(IEnumerable<string> ids)
    {
        var result = new List<SchedulerDescriptor>();
        foreach (string id in ids.Distinct(StringComparer.Ordinal))
        {
            if (id is "input" or "best")
            {
                continue;
            }
            if (!_methods.TryGetValue(id, out var d))
            {
                throw new ArgumentException($"Unknown method '{id}'. Known methods: {string.Join(", ", _methods.Keys.Order(StringComparer.Ordinal))}.", nameof(ids));
            }
            result.Add(d);
        }
        return result;
    }

    private static CandidateResult? Skip(SchedulerDescriptor method, ComputationGraph graph, PassOptions options, TimeSpan remaining)
    {
        if (method.Kind == "exact" && graph.OpCount > options.ExactOpLimit)
        {
            return new CandidateResult(method.Name, null, null, 0, "skipped", $"graph has {graph.OpCount} ops, exact methods run up to {options.ExactOpLimit}");
        }
        if (method.Kind != "heuristic" && remaining <= TimeSpan.Zero)
        {
            return new CandidateResult(method.Name, null, null, 0, "skipped", "time budget spent");
        }
        return null;
    }

    private static CandidateResult RunWithin(SchedulerDescriptor method, ComputationGraph graph, PassOptions options, TimeSpan remaining, CancellationToken outer)
    {
        if (method.Kind == "heuristic")
        {
            return MethodRunner.Run(method, graph, options.ToSettings(TimeSpan.FromSeconds(1)), outer, options.Memory);
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(outer);
        // Methods stop themselves at TimeLimit; the token is a backstop for one that overruns.
        budget.CancelAfter(remaining + TimeSpan.FromSeconds(2));
        try
        {
            return MethodRunner.Run(method, graph, options.ToSettings(remaining), budget.Token, options.Memory);
        }
        catch (OperationCanceledException) when (!outer.IsCancellationRequested)
        {
            return new CandidateResult(method.Name, null, null, remaining.TotalMilliseconds, "skipped", "stopped at the time budget");
        }
    }
}
