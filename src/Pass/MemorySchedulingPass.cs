using System.Diagnostics;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats.Onnx;

namespace Scheduler.Pass;

/// <summary>
/// The pass: runs a portfolio of methods, verifies and re-scores every candidate with the one memory model, and keeps
/// the lowest peak. The input order is always the first candidate and wins ties, so the pass never returns a peak above
/// the file order's and never an invalid order.
/// </summary>
/// <remarks>
/// <para>Stages. One <see cref="GraphAnalysis"/> (bounds, closure, learned priorities) is built per graph and shared.
/// The methods run in four stages — heuristics; learned; search; exact — each stage's methods in parallel and each
/// starting from (CP-SAT: hinted with) the best order of the stages before it. The learned methods run before the
/// searches so that <c>local</c> and <c>beam</c> start from the learned order wherever it beats every heuristic
/// (docs/results/learned-starts.md); the search budgets are unchanged.</para>
/// <para>Early stop. As soon as a candidate is proven optimal — its method proves it, or its peak meets the lower
/// bound — nothing after it runs: the rest of its stage is cancelled and later stages are skipped. A graph whose input
/// order meets the bound returns after the bound is computed.</para>
/// <para>Determinism. Every method's budget is a count of work, results are taken in portfolio order, and an early stop
/// only drops methods that could at best tie; so the same graph, options and seed give the same order at any load and
/// parallelism. Only the wall-clock cap (<see cref="PassOptions.TimeBudget"/>) can change that, and then
/// <see cref="PassResult.Capped"/> says so.</para>
/// </remarks>
public sealed class MemorySchedulingPass
{
    private static readonly MethodKind[][] Stages = [[MethodKind.Heuristic], [MethodKind.Learned], [MethodKind.Search], [MethodKind.Exact]];

    private readonly IReadOnlyDictionary<string, SchedulerDescriptor> _methods;

    /// <summary>A pass over the given method catalog.</summary>
    public MemorySchedulingPass(IEnumerable<SchedulerDescriptor> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _methods = catalog.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>A pass over every method this build has (baselines, search, exact, Topoformer).</summary>
    public static MemorySchedulingPass CreateDefault() => new(MethodCatalog.Members);

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

    /// <summary>Reports each finished candidate (for progress displays); called on the pass's threads, one at a time.</summary>
    public event Action<CandidateResult>? CandidateFinished;

    /// <summary>Schedules <paramref name="graph"/>.</summary>
    /// <exception cref="ArgumentException">A method id is unknown (the message lists the known ones).</exception>
    public PassResult Run(ComputationGraph graph, PassOptions options, CancellationToken cancellationToken = default)
        => Run(new GraphAnalysis(graph, Guard(options).Memory), options, cancellationToken);

    private static PassOptions Guard(PassOptions options) => options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Schedules <see cref="GraphAnalysis.Graph"/>, reusing what <paramref name="analysis"/> already holds.</summary>
    /// <exception cref="ArgumentException">A method id is unknown (the message lists the known ones).</exception>
    public PassResult Run(GraphAnalysis analysis, PassOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(options);
        return RunStaged(analysis, options, Resolve(options.Methods), StagePolicy.All, cancellationToken);
    }

    /// <summary>The staged run over <paramref name="methods"/>, with <paramref name="policy"/> choosing which of each
    /// stage's methods run (the pass runs them all; the adaptive portfolio samples).</summary>
    internal PassResult RunStaged(GraphAnalysis analysis, PassOptions options, IReadOnlyList<SchedulerDescriptor> methods, IStagePolicy policy,
        CancellationToken cancellationToken)
    {
        var graph = analysis.Graph;
        if (analysis.Memory != options.Memory)
        {
            // The bounds and the methods must describe the model the pass scores with.
            analysis = new GraphAnalysis(graph, options.Memory);
        }
        var clock = Stopwatch.StartNew();
        var run = new PortfolioRun(analysis, options, methods, clock, c => CandidateFinished?.Invoke(c));
        string? proof = run.Proves(run.Slots[0]!) ? "lower bound (met by input)" : null;
        foreach (var kinds in Stages)
        {
            var slots = Enumerable.Range(1, methods.Count).Where(s => kinds.Contains(methods[s - 1].Kind)).ToList();
            var tooLarge = slots.Where(s => options.ExactTooLarge(methods[s - 1], graph)).ToList();
            run.Skip(tooLarge, $"graph has {graph.OpCount} ops, exact methods run up to {options.ExactOpLimit}");
            slots.RemoveAll(tooLarge.Contains);
            if (proof is not null)
            {
                run.Skip(slots, $"optimum already proven ({proof})");
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var start = run.Incumbent();
            var chosen = policy.Choose(run, slots, start);
            foreach (int s in slots.Except(chosen))
            {
                run.Skip([s], policy.WhySkipped(s));
            }
            int? proven = run.RunStage(chosen, start, cancellationToken);
            policy.Observe(run, chosen, start);
            if (proven is int prover)
            {
                var c = run.Slots[prover]!;
                proof = c.Status == CandidateStatus.Optimal ? c.Method : $"lower bound (met by {c.Method})";
            }
        }
        var winner = Select(run.Slots);
        var schedule = Schedule.Create(graph, winner.Order!, winner.Method, options.Memory);
        // The winner has the lowest peak of all, so a proof that any candidate is optimal covers it.
        return new PassResult(schedule, [.. run.Slots.Select(c => c!)], graph.ResidentBytes, analysis.WorkingSetBound, analysis.CutBound, analysis.ClosureBound)
        {
            ProofSource = proof,
            Capped = run.Capped,
        };
    }

    /// <summary>The candidate with the lowest peak; ties go to the earliest (so <c>input</c> wins every tie).</summary>
    public static CandidateResult Select(IReadOnlyList<CandidateResult?> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        CandidateResult? best = null;
        foreach (var c in candidates)
        {
            if (c is { Succeeded: true } && (best is null || c.PeakBytes < best.PeakBytes))
            {
                best = c;
            }
        }
        return best ?? throw new ArgumentException("No candidate produced an order.", nameof(candidates));
    }

    /// <summary>The descriptors for <paramref name="ids"/>, without <c>input</c> (always run), <c>best</c> and duplicates.</summary>
    /// <exception cref="ArgumentException">An id is unknown (the message lists the known ones).</exception>
    public IReadOnlyList<SchedulerDescriptor> Resolve(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
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
}
