using System.Globalization;
using Google.OrTools.Sat;
using Scheduler.Baselines.Search;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// Minimum-peak scheduling with Google OR-Tools CP-SAT on the position model of <see cref="CpSatModel"/>, hinted with
/// the start order, its peak as the upper bound and the graph's lower bound as the floor. Its work budget is CP-SAT's
/// deterministic time (<see cref="BaseDeterministicSeconds"/> × effort) on one worker, so the same model gives the same
/// answer at any machine load; the wall-clock limit is only a safety cap (<see cref="SafetyCap"/>: it covers the start
/// heuristics and the model build, and CP-SAT gets what is left of it). Graphs above <see cref="MaxOps"/> are refused
/// with the start order (<see cref="SolveStatus.GaveUp"/>): the model alone outgrows any budget. It reports <see cref="SolveStatus.Optimal"/>
/// when CP-SAT proves optimality, <see cref="SolveStatus.Feasible"/> otherwise, with CP-SAT's objective bound as the
/// proven lower bound. The solver's order is used only if it validates and is no worse than the start; otherwise the
/// start order is returned.
/// </summary>
public sealed class CpSatScheduler : ISolvingScheduler
{
    /// <summary>CP-SAT deterministic seconds at effort 1. CP-SAT's deterministic clock undercounts this model's
    /// propagation badly and unevenly: in the pass on bundled 500-op layered graphs one deterministic second took
    /// 13–45 s of CPU, 0.25 takes about 2 s (measured). At 0.25 the pass gave the same peaks and proofs as at 1 on
    /// the bundled graphs compared (layered-100, irregular, three of layered-500; larger ones skip cpsat), and the default
    /// schedule stays well inside its 60 s cap; at 5 it hit the cap on layered-500.</summary>
    public const double BaseDeterministicSeconds = 0.25;

    /// <summary>Largest graph modelled. Above it the N positions, E precedences and the cumulative over N intervals
    /// take CP-SAT longer to load and presolve than its budget (and its own time limit, which presolve does not poll
    /// finely) allows.</summary>
    public const int MaxOps = 5000;

    private readonly IReadOnlyList<IScheduler> _startHeuristics;
    private readonly bool _beamStart;
    private readonly SchedulerSettings _settings;
    private readonly double _deterministicSeconds;
    private readonly int _seed;

    /// <summary>Creates the solver.</summary>
    /// <param name="startHeuristics">Standalone start orders (the best is the hint and the fallback; may be empty).</param>
    /// <param name="settings">Reads <see cref="SchedulerSettings.Effort"/>, <see cref="SchedulerSettings.TimeLimit"/>
    /// (the safety cap; null: <see cref="SafetyCap.DefaultLimit"/>) and <see cref="SchedulerSettings.Seed"/>; null means defaults.</param>
    /// <param name="beamStart">Run alone (no start handed in), also improve the best start heuristic with a
    /// default-width beam search: a better hint and upper bound help CP-SAT.</param>
    public CpSatScheduler(IReadOnlyList<IScheduler> startHeuristics, SchedulerSettings? settings = null, bool beamStart = false)
    {
        ArgumentNullException.ThrowIfNull(startHeuristics);
        settings ??= SchedulerSettings.Default;
        _startHeuristics = startHeuristics;
        _beamStart = beamStart;
        _settings = settings;
        _deterministicSeconds = BaseDeterministicSeconds * settings.Effort;
        _seed = settings.Seed;
    }

    /// <inheritdoc/>
    public string Name => "cpsat";

    /// <inheritdoc/>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Solve(new GraphAnalysis(graph, _settings.Model), null, cancellationToken).Order;

    /// <inheritdoc/>
    /// <remarks>The CP-SAT model's cumulative charges each tensor over its own lifetime: the default model. Views and
    /// in-place reuse decide buffer sharing per order, which that constraint cannot express, so under them the method
    /// solves the default-model problem (from the start order, hinted with it) and re-scores its order under the model
    /// in force, keeping the start order when that is better; its status is then at best feasible, optimal only when
    /// the peak meets the lower bound valid under the model, and its message says so.</remarks>
    public SolveResult Solve(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Memory.IsDefault)
        {
            return SolveDefault(analysis, start, cancellationToken);
        }
        var graph = analysis.Graph;
        var memory = analysis.Memory;
        var plain = new GraphAnalysis(graph);
        var plainStart = start is null ? null : StartOrder.Of(graph, start.Order, start.Source);
        var result = SolveDefault(plain, plainStart, cancellationToken);
        long peak = MemoryModel.Evaluate(graph, result.Order, memory);
        var order = result.Order;
        if (start is not null && start.Peak < peak)
        {
            (order, peak) = (start.Order, start.Peak);
        }
        bool optimal = peak <= analysis.LowerBound;
        return new SolveResult(order, optimal ? SolveStatus.Optimal : SolveStatus.Feasible, optimal ? peak : analysis.LowerBound,
            $"cpsat: solved under the default model (its cumulative cannot express {memory.Name}), re-scored under {memory.Name}: peak {peak}; {result.Message}",
            result.Capped, result.Work);
    }

    private SolveResult SolveDefault(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken)
    {
        var graph = analysis.Graph;
        var cap = SafetyCap.Start(_settings);
        if (graph.OpCount > MaxOps)
        {
            start = StartOrders.Resolve(analysis, start, _startHeuristics, cap, cancellationToken);
            return new SolveResult(start.Order, SolveStatus.GaveUp, null,
                $"cpsat: {graph.OpCount} ops is above the model's limit of {MaxOps}; returned the start order ({start.Source}, peak {start.Peak}).",
                Capped: cap.IsReached);
        }
        // The bound first: it cannot be interrupted, so the start phase (whose beam polls the cap) gets what it leaves.
        long lowerBound = analysis.LowerBound;
        start = StartOrders.Resolve(analysis, start, _startHeuristics, _beamStart, cap, cancellationToken);
        if (start.OptimalIfAtBound(lowerBound, "cpsat") is { } atBound)
        {
            return atBound;
        }
        if (cap.IsReached || !CpSatModel.TryBuild(analysis, start.Peak, cap, out var model))
        {
            return new SolveResult(start.Order, SolveStatus.GaveUp, lowerBound,
                $"cpsat: stopped by the {cap} before solving; returned the start order ({start.Source}, peak {start.Peak}).", Capped: true);
        }
        model.Hint(start.Order, start.Peak);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{cap.Remaining.TotalSeconds}, max_deterministic_time:{_deterministicSeconds}, num_workers:1, random_seed:{_seed}"),
        };
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model.Model);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var result = Interpret(graph, start, lowerBound, model, solver, status)
            with { Work = (long)Math.Round((solver.Response?.DeterministicTime ?? 0) * 1000) };
        // CP-SAT stops at whichever limit comes first; only the wall-clock one makes the result load-dependent. It ran
        // out of wall clock when it stopped unproven with deterministic time to spare.
        bool proven = status is CpSolverStatus.Optimal or CpSolverStatus.Infeasible;
        return !proven && (solver.Response?.DeterministicTime ?? 0) < _deterministicSeconds
            ? result with { Capped = true, Message = $"{result.Message} Stopped by the {cap}." }
            : result;
    }

    private static SolveResult Interpret(ComputationGraph graph, StartOrder start, long lowerBound, CpSatModel model,
        CpSolver solver, CpSolverStatus status)
    {
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new SolveResult(start.Order, SolveStatus.GaveUp, lowerBound,
                $"cpsat: solver status {status}; returned the start order ({start.Source}, peak {start.Peak}).");
        }
        long bound = Math.Max(lowerBound, (long)Math.Ceiling(solver.BestObjectiveBound));
        int[] order = ExtractOrder(model, solver);
        if (!MemoryModel.IsValid(graph, order, out string? why) || MemoryModel.Evaluate(graph, order) > start.Peak)
        {
            return new SolveResult(start.Order, SolveStatus.Feasible, bound,
                $"cpsat: discarded the solver's order ({why ?? "worse than the start"}); returned the start order.");
        }
        long peak = MemoryModel.Evaluate(graph, order);
        bool optimal = status == CpSolverStatus.Optimal && peak <= bound;
        double gap = peak == 0 ? 0 : (peak - bound) / (double)peak;
        return new SolveResult(order, optimal ? SolveStatus.Optimal : SolveStatus.Feasible, optimal ? peak : bound,
            string.Create(CultureInfo.InvariantCulture,
                $"cpsat: {status}, peak {peak}, bound {bound}, gap {gap:P2}, start {start.Peak} ({start.Source})."));
    }

    private static int[] ExtractOrder(CpSatModel model, CpSolver solver)
    {
        int n = model.Positions.Length;
        var keys = new long[n];
        var order = new int[n];
        for (int v = 0; v < n; v++)
        {
            keys[v] = solver.Value(model.Positions[v]);
            order[v] = v;
        }
        // Positions are all different, so sorting ops by them gives the order.
        Array.Sort(keys, order);
        return order;
    }
}
