using System.Diagnostics;
using Scheduler.Graphs;
using Scheduler.Pass.Adaptive;

namespace Scheduler.Pass.Compare;

/// <summary>
/// Runs methods over graphs, one at a time (timings stay honest on a small machine), scoring every order with the
/// memory model. Each method runs as it would alone (<c>scheduler schedule -m ID</c>: its own start, its own analysis,
/// so its time is its whole cost); the bounds come from one analysis per graph. Two pseudo-methods: <c>best</c> is the
/// real pass (<see cref="MemorySchedulingPass"/> with the same options: its peak, status and wall time), and
/// <c>oracle</c> is the lowest peak among the other rows of the graph (input wins ties) with the sum of their times —
/// a yardstick no single run achieves. <c>adaptive</c> is the <see cref="AdaptivePortfolio"/> over the same portfolio,
/// fed the graphs in the order given (its row's time is its whole time on the graph). Peaks use the memory model of
/// <see cref="PassOptions.Memory"/> (in-place reuse, views when asked), which the bounds also hold under.
/// </summary>
public sealed class CompareRunner(IReadOnlyList<SchedulerDescriptor> catalog, PassOptions options)
{
    /// <summary>The pseudo-methods a comparison knows besides the catalog: input, the pass, the oracle, the adaptive portfolio.</summary>
    public static IReadOnlyList<string> PseudoMethods { get; } = ["input", "best", "oracle", "adaptive"];

    /// <summary>The adaptive portfolio the <c>adaptive</c> rows come from (default: a fresh one over the default
    /// portfolio, seeded with <see cref="SchedulerSettings.Seed"/>); set it to start from a saved posterior.</summary>
    public AdaptivePortfolio? Adaptive { get; set; }

    /// <summary>When set, every row with an order also gets its arena (<see cref="CompareRow.ArenaBytes"/>); off by
    /// default.</summary>
    public CompareArena? Arena { get; set; }

    /// <summary>Called after each (graph, method) with the number done and the total.</summary>
    public event Action<CompareRow, int, int>? RowFinished;

    /// <summary>Runs <paramref name="methods"/> on every graph.</summary>
    /// <exception cref="ArgumentException">A method id is unknown.</exception>
    public IReadOnlyList<CompareRow> Run(IReadOnlyList<NamedGraph> graphs, IReadOnlyList<string> methods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        ArgumentNullException.ThrowIfNull(methods);
        var pass = new MemorySchedulingPass(catalog);
        var resolved = pass.Resolve(methods.Where(m => m is not ("oracle" or "adaptive")));
        bool wantInput = methods.Contains("input"), wantBest = methods.Contains("best"), wantOracle = methods.Contains("oracle");
        bool wantAdaptive = methods.Contains("adaptive");
        if (wantAdaptive)
        {
            Adaptive ??= new AdaptivePortfolio(catalog, PortfolioOptions(), AdaptiveOptions.Default with { Seed = options.Settings.Seed });
        }
        int perGraph = resolved.Count + (wantInput ? 1 : 0) + (wantBest ? 1 : 0) + (wantOracle ? 1 : 0) + (wantAdaptive ? 1 : 0);
        int total = graphs.Count * perGraph, done = 0;
        var rows = new List<CompareRow>();
        foreach (var g in graphs)
        {
            var analysis = new GraphAnalysis(g.Graph, options.Memory);
            var bounds = (analysis.WorkingSetBound, analysis.CutBound, analysis.ClosureBound);
            var candidates = new List<CandidateResult> { MethodRunner.InputOrder(g.Graph, options.Memory) };
            var plans = new List<(int[] Order, ArenaPlan Plan, double Ms)>();
            CompareRow Row(CandidateResult r) => WithArena(RowOf(g, r, bounds), g.Graph, r.Order, plans, cancellationToken);
            if (wantInput)
            {
                Emit(rows, Row(candidates[0]), ++done, total);
            }
            foreach (var method in resolved)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = RunOne(method, g.Graph, cancellationToken);
                candidates.Add(result);
                Emit(rows, Row(result), ++done, total);
            }
            if (wantBest)
            {
                var (best, work) = RunPass(pass, g.Graph, cancellationToken);
                Emit(rows, Row(best) with { ReferenceMs = work }, ++done, total);
            }
            if (wantOracle)
            {
                Emit(rows, Row(Oracle(candidates)), ++done, total);
            }
            if (wantAdaptive)
            {
                var (adaptive, work) = RunAdaptive(Adaptive!, g.Graph, cancellationToken);
                Emit(rows, Row(adaptive) with { ReferenceMs = work }, ++done, total);
            }
        }
        return rows;
    }

    /// <summary>The rows <see cref="Run"/> makes for each graph, in the order it makes them: input, the catalog methods,
    /// best, oracle, adaptive (each where asked for).</summary>
    /// <exception cref="ArgumentException">A method id is unknown.</exception>
    public IReadOnlyList<string> RowsPerGraph(IReadOnlyList<string> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var rows = new List<string>();
        if (methods.Contains("input"))
        {
            rows.Add("input");
        }
        rows.AddRange(new MemorySchedulingPass(catalog).Resolve(methods.Where(m => m is not ("oracle" or "adaptive"))).Select(d => d.Name));
        rows.AddRange(new[] { "best", "oracle", "adaptive" }.Where(methods.Contains));
        return rows;
    }

    /// <summary>
    /// The work the row <paramref name="row"/> (a method id or pseudo-method) is budgeted to do on
    /// <paramref name="graph"/>, in reference milliseconds (<see cref="MethodCost.Budget"/>), counting only the methods
    /// that will run on it (<see cref="PassOptions.WillRun"/>: exact above its op limit, local, Topoformer, beam or
    /// CP-SAT above theirs do not): a method's own budget; for <c>best</c> and <c>adaptive</c> the sum over the
    /// portfolio (adaptive runs a part of it); 0 for <c>input</c> and <c>oracle</c>. Known before anything runs, so a
    /// time estimate can scale what it measured by it.
    /// </summary>
    public double PredictedWork(string row, ComputationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(graph);
        IEnumerable<SchedulerDescriptor> parts = row switch
        {
            "input" or "oracle" => [],
            "best" or "adaptive" => PortfolioOptions().Methods.Select(id => catalog.First(d => d.Name == id)),
            _ => catalog.Where(d => d.Name == row),
        };
        return parts.Where(d => options.WillRun(d, graph)).Sum(d => MethodCost.Budget(d.Name, graph, options.Settings));
    }

    private CandidateResult RunOne(SchedulerDescriptor method, ComputationGraph graph, CancellationToken ct)
    {
        if (options.ExactTooLarge(method, graph))
        {
            return CandidateResult.Skipped(method.Name, $"graph has {graph.OpCount} ops, exact methods run up to {options.ExactOpLimit}");
        }
        var settings = options.Settings with { TimeLimit = options.TimeBudget };
        return MethodRunner.Run(method, new GraphAnalysis(graph, options.Memory), null, settings, ct);
    }

    private (CandidateResult Row, double ReferenceMs) RunPass(MemorySchedulingPass pass, ComputationGraph graph, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var portfolio = PortfolioOptions();
        var result = pass.Run(graph, portfolio, ct);
        var winner = result.Winner;
        return (new CandidateResult("best", winner.Order, winner.PeakBytes, clock.Elapsed.TotalMilliseconds, StatusOf(result),
            $"the pass; won by {winner.Method}{(result.ProofSource is null ? "" : $", proven by {result.ProofSource}")}"),
            MethodCost.Total(result, graph, portfolio.Settings));
    }

    private static (CandidateResult Row, double ReferenceMs) RunAdaptive(AdaptivePortfolio adaptive, ComputationGraph graph, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = adaptive.Schedule(graph, ct);
        var winner = result.Pass.Winner;
        string ran = string.Join(' ', result.Decisions.Where(d => d.Ran).Select(d => d.Method));
        return (new CandidateResult("adaptive", winner.Order, winner.PeakBytes, clock.Elapsed.TotalMilliseconds, StatusOf(result.Pass),
            $"adaptive ({result.Class}); ran {(ran.Length == 0 ? "heuristics only" : $"heuristics {ran}")}; won by {winner.Method}"
            + (result.Pass.ProofSource is null ? "" : $", proven by {result.Pass.ProofSource}")),
            MethodCost.Total(result.Pass, graph, adaptive.PassOptions.Settings));
    }

    /// <summary>The pass's options with the default portfolio (as far as the catalog has it).</summary>
    private PassOptions PortfolioOptions()
        => options with { Methods = MethodCatalog.DefaultPortfolio.Where(catalog.Select(d => d.Name).Contains).ToArray() };

    private static CandidateStatus StatusOf(PassResult result)
        => result.ProvenOptimal ? CandidateStatus.Optimal : result.Capped ? CandidateStatus.Capped : CandidateStatus.Feasible;

    private static CandidateResult Oracle(List<CandidateResult> candidates)
    {
        var best = MemorySchedulingPass.Select(candidates);
        double total = candidates.Sum(c => c.ElapsedMs);
        bool proven = candidates.Any(c => c.Status == CandidateStatus.Optimal && c.PeakBytes == best.PeakBytes);
        return new CandidateResult("oracle", best.Order, best.PeakBytes, total, proven ? CandidateStatus.Optimal : CandidateStatus.Ok,
            $"lowest row: {best.Method}");
    }

    private void Emit(List<CompareRow> rows, CompareRow row, int done, int total)
    {
        rows.Add(row);
        RowFinished?.Invoke(row, done, total);
    }

    /// <summary><paramref name="row"/> with the arena of <paramref name="order"/> when <see cref="Arena"/> is set; a plan
    /// already made for the same order of this graph (<paramref name="plans"/>) is reused, with its time.</summary>
    private CompareRow WithArena(CompareRow row, ComputationGraph graph, int[]? order, List<(int[] Order, ArenaPlan Plan, double Ms)> plans, CancellationToken ct)
    {
        if (Arena is null || order is null)
        {
            return row;
        }
        var (_, plan, ms) = plans.FirstOrDefault(p => p.Order.AsSpan().SequenceEqual(order));
        if (plan is null)
        {
            long start = Stopwatch.GetTimestamp();
            plan = Arena.Plan(graph, order, options.Memory, options.Settings with { TimeLimit = options.TimeBudget }, ct);
            ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            plans.Add((order, plan, ms));
        }
        return row with { ArenaBytes = plan.ArenaBytes, ArenaStrategy = plan.Strategy, ArenaProven = plan.Winner.Proven, ArenaMs = ms };
    }

    private static CompareRow RowOf(NamedGraph g, CandidateResult r, (long WorkingSet, long Cut, long Closure) bounds)
    {
        long[]? ids = r.Order?.Select(op => g.Graph.OpId(op)).ToArray();
        return new CompareRow(g.Dataset, g.Name, g.Graph.OpCount, r.Method, r.PeakBytes, bounds.WorkingSet, bounds.Cut, bounds.Closure, g.Graph.ResidentBytes,
            r.ElapsedMs, r.Status, ids, r.Message, r.ProvenLowerBound) { Trace = r.Trace };
    }
}
