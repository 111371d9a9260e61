using System.Globalization;
using Google.OrTools.Sat;
using Scheduler.Baselines.Search;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// Minimum-peak scheduling with Google OR-Tools CP-SAT on the position model of <see cref="CpSatModel"/>, hinted with
/// the best start order, its peak as the upper bound and the graph's lower bound as the floor. It runs two workers for
/// the time limit (default 10 s) and reports <see cref="SolveStatus.Optimal"/> when CP-SAT proves optimality,
/// <see cref="SolveStatus.Feasible"/> otherwise, with CP-SAT's objective bound as the proven lower bound. The solver's
/// order is used only if it validates and is no worse than the start; otherwise the start order is returned.
/// </summary>
public sealed class CpSatScheduler : ISolvingScheduler
{
    private static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyList<IScheduler> _startHeuristics;
    private readonly TimeSpan _timeLimit;
    private readonly int _seed;

    /// <summary>Creates the solver.</summary>
    /// <param name="startHeuristics">Orders whose best is the hint and the fallback (may be empty).</param>
    /// <param name="settings">Reads <see cref="SchedulerSettings.TimeLimit"/> (null: 10 s) and
    /// <see cref="SchedulerSettings.Seed"/>; null means defaults.</param>
    public CpSatScheduler(IReadOnlyList<IScheduler> startHeuristics, SchedulerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(startHeuristics);
        settings ??= SchedulerSettings.Default;
        _startHeuristics = startHeuristics;
        _timeLimit = settings.TimeLimit ?? DefaultTimeLimit;
        _seed = settings.Seed;
    }

    /// <inheritdoc/>
    public string Name => "cpsat";

    /// <inheritdoc/>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Solve(graph, cancellationToken).Order;

    /// <inheritdoc/>
    public SolveResult Solve(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var start = StartOrder.Best(graph, _startHeuristics, cancellationToken);
        long lowerBound = MemoryModel.LowerBound(graph);
        if (start.OptimalIfAtBound(lowerBound, "cpsat") is { } atBound)
        {
            return atBound;
        }
        var model = new CpSatModel(graph, lowerBound, start.Peak);
        model.Hint(start.Order, start.Peak);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{_timeLimit.TotalSeconds}, num_workers:2, random_seed:{_seed}"),
        };
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model.Model);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return Interpret(graph, start, lowerBound, model, solver, status);
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
                $"cpsat: {status}, peak {peak}, bound {bound}, gap {gap:P2}, start {start.Peak} ({start.Source}), "
                + $"{solver.WallTime():0.##} s."));
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
