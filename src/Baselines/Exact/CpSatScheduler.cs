using System.Globalization;
using Google.OrTools.Sat;
using Scheduler.Baselines.Search;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// Minimum-peak scheduling with Google OR-Tools CP-SAT on the position model of <see cref="CpSatModel"/>, hinted with
/// the start order, its peak as the upper bound and the graph's lower bound as the floor. Its work budget is CP-SAT's
/// deterministic time (<see cref="BaseDeterministicSeconds"/> × effort) on one worker, so the same model gives the same
/// answer at any machine load; the wall-clock limit is only a safety cap. It reports <see cref="SolveStatus.Optimal"/>
/// when CP-SAT proves optimality, <see cref="SolveStatus.Feasible"/> otherwise, with CP-SAT's objective bound as the
/// proven lower bound. The solver's order is used only if it validates and is no worse than the start; otherwise the
/// start order is returned.
/// </summary>
public sealed class CpSatScheduler : ISolvingScheduler
{
    /// <summary>CP-SAT deterministic seconds at effort 1.</summary>
    public const double BaseDeterministicSeconds = 5;

    private static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyList<IScheduler> _startHeuristics;
    private readonly TimeSpan _timeLimit;
    private readonly double _deterministicSeconds;
    private readonly int _seed;

    /// <summary>Creates the solver.</summary>
    /// <param name="startHeuristics">Standalone start orders (the best is the hint and the fallback; may be empty).</param>
    /// <param name="settings">Reads <see cref="SchedulerSettings.Effort"/>, <see cref="SchedulerSettings.TimeLimit"/>
    /// (the safety cap; null: 60 s) and <see cref="SchedulerSettings.Seed"/>; null means defaults.</param>
    public CpSatScheduler(IReadOnlyList<IScheduler> startHeuristics, SchedulerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(startHeuristics);
        settings ??= SchedulerSettings.Default;
        _startHeuristics = startHeuristics;
        _timeLimit = settings.TimeLimit ?? DefaultTimeLimit;
        _deterministicSeconds = BaseDeterministicSeconds * settings.Effort;
        _seed = settings.Seed;
    }

    /// <inheritdoc/>
    public string Name => "cpsat";

    /// <inheritdoc/>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Solve(new GraphAnalysis(graph), null, cancellationToken).Order;

    /// <inheritdoc/>
    public SolveResult Solve(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var graph = analysis.Graph;
        start = StartOrders.Resolve(graph, start, _startHeuristics, cancellationToken);
        long lowerBound = analysis.LowerBound;
        if (start.OptimalIfAtBound(lowerBound, "cpsat") is { } atBound)
        {
            return atBound;
        }
        var model = new CpSatModel(analysis, start.Peak);
        model.Hint(start.Order, start.Peak);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{_timeLimit.TotalSeconds}, max_deterministic_time:{_deterministicSeconds}, num_workers:1, random_seed:{_seed}"),
        };
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model.Model);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var result = Interpret(graph, start, lowerBound, model, solver, status);
        // CP-SAT stops at whichever limit comes first; only the wall-clock one makes the result load-dependent.
        return solver.WallTime() >= _timeLimit.TotalSeconds ? result with { Capped = true } : result;
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
