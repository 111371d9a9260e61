using System.Globalization;
using Google.OrTools.Sat;
using Scheduler.Graphs;
using Scheduler.Graphs.Arena;

namespace Scheduler.Baselines.Arena;

/// <summary>
/// Exact offset assignment with Google OR-Tools CP-SAT, as the nncase compiler plans its buffers: each block is a
/// rectangle, its lifetime (fixed) by its address range (an aligned offset to choose), and all of them go into one
/// NoOverlap2D constraint; the objective is the arena end, bounded below by <see cref="ArenaProblem.LowerBound"/> (the
/// live-bytes peak with alignment 1, where CP-SAT stops as soon as it gets there) and above by the start assignment,
/// which is also the hint. The start is the incumbent handed in (the best greedy plan, when run after them) or else the
/// best of the start strategies. It never returns worse than the start: the solver's offsets are used only when they
/// pass <see cref="ArenaProblem.Problem"/> and are smaller.
/// </summary>
/// <remarks>The work budget is CP-SAT's deterministic time (<see cref="BaseDeterministicSeconds"/> × effort) on one
/// worker with a fixed seed, so the same blocks give the same offsets at any load; the wall-clock limit is only a safety
/// cap, and a result it cut says so (<see cref="OffsetAssignment.Capped"/>). Above <see cref="MaxBlocks"/> blocks the
/// start is returned unsolved.</remarks>
public sealed class CpSatOffsets : IOffsetStrategy
{
    /// <summary>The strategy's id.</summary>
    public const string Id = "cpsat";

    /// <summary>CP-SAT deterministic seconds at effort 1.</summary>
    public const double BaseDeterministicSeconds = 2;

    /// <summary>Largest problem modelled, a guard rather than a measured limit (the largest problem measured has 849
    /// blocks, docs/results/arena.md): the model has a variable and two intervals per block, and the wall clock that
    /// would cut a larger one short makes results depend on load.</summary>
    public const int MaxBlocks = 20_000;

    /// <summary>
    /// Largest number of blocks pairs live at a common step for which CP-SAT presolves the model. Presolve splits the
    /// NoOverlap2D (its time dimension is fixed) into one no-overlap per set of blocks live together, and neither that
    /// nor the search over the split model is metered well by the deterministic clock: on the OPT-125M training step
    /// (618 blocks, 82,305 pairs) two deterministic seconds had not passed after 60 s of wall clock, while without
    /// presolve they took 16 s. On small problems presolve finds much better plans in the same budget (layered-100-001:
    /// optimal 51,160 B with it, 55,484 B without), so it is kept below this count (layered-100 graphs have about 1,300).
    /// </summary>
    public const long MaxPresolvePairs = 20_000;

    private readonly IReadOnlyList<IOffsetStrategy> _startStrategies;
    private readonly SchedulerSettings _settings;

    /// <summary>Creates the strategy.</summary>
    /// <param name="startStrategies">Run when no incumbent is handed in; the best is the start (at least one).</param>
    /// <param name="settings">Reads <see cref="SchedulerSettings.Effort"/>, <see cref="SchedulerSettings.Seed"/> and
    /// <see cref="SchedulerSettings.TimeLimit"/> (the safety cap); null: defaults.</param>
    public CpSatOffsets(IReadOnlyList<IOffsetStrategy> startStrategies, SchedulerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(startStrategies);
        if (startStrategies.Count == 0)
        {
            throw new ArgumentException("CP-SAT offsets need at least one start strategy.", nameof(startStrategies));
        }
        _startStrategies = startStrategies;
        _settings = settings ?? SchedulerSettings.Default;
    }

    /// <inheritdoc/>
    public string Name => Id;

    /// <summary>The deterministic-time budget in force (base × effort).</summary>
    public double DeterministicSeconds => BaseDeterministicSeconds * _settings.Effort;

    /// <inheritdoc/>
    public OffsetAssignment Assign(ArenaProblem problem, OffsetAssignment? incumbent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var cap = SafetyCap.Start(_settings);
        var start = incumbent ?? BestStart(problem, cancellationToken);
        string from = $"start {start.ArenaBytes} B ({start.Strategy}), bound {problem.LowerBound} B";
        if (start.ArenaBytes <= problem.LowerBound)
        {
            return Relabel(start, true, $"cpsat: the start is at the bound; {from}.");
        }
        if (problem.Count > MaxBlocks)
        {
            return Relabel(start, false, $"cpsat: {problem.Count} blocks is above the model's limit of {MaxBlocks}; returned the start; {from}.");
        }
        var model = new CpModel();
        long unit = Unit(problem);
        bool presolve = OverlappingPairs(problem) <= MaxPresolvePairs;
        var (offsets, end) = Build(model, problem, start, unit);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{cap.Remaining.TotalSeconds}, max_deterministic_time:{DeterministicSeconds}, num_workers:1, random_seed:{_settings.Seed}, cp_model_presolve:{(presolve ? "true" : "false")}"),
        };
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model);
        }
        cancellationToken.ThrowIfCancellationRequested();
        // Only the wall clock makes a result load-dependent: it stopped unproven with deterministic time to spare.
        bool capped = status != CpSolverStatus.Optimal && (solver.Response?.DeterministicTime ?? 0) < DeterministicSeconds;
        var result = Interpret(problem, start, offsets, unit, end, solver, status, from);
        return capped ? result with { Capped = true, Message = $"{result.Message} Stopped by the {cap}." } : result;
    }

    /// <summary>
    /// The step of the offset grid, which loses no arena: the alignment, or the greatest common divisor g of the block
    /// sizes when the alignment divides it (ML tensors' sizes share large powers of two, so this shrinks the domains by
    /// that much). Why no loss: push the blocks of any valid plan down one by one from the lowest; each lands at 0 or
    /// at the aligned end of a block below it that is live with it, which stays valid for the blocks above (they only
    /// ever see blocks move down). By induction every offset is then a sum of sizes (a multiple of g) when the
    /// alignment divides g, and a multiple of the alignment in any case. Both greedy strategies place blocks exactly
    /// that way, so their offsets are on the grid and the hint is exact.
    /// </summary>
    internal static long Unit(ArenaProblem problem)
    {
        long g = 0;
        foreach (long size in problem.Size)
        {
            g = size == 0 ? g : Gcd(g, size);
        }
        return g > 0 && g % problem.Alignment == 0 ? g : problem.Alignment;
    }

    /// <summary>Pairs of non-empty blocks live at a common step, by a sweep over the first steps.</summary>
    internal static long OverlappingPairs(ArenaProblem problem)
    {
        var byFirst = new int[problem.Count];
        var firsts = new int[problem.Count];
        for (int b = 0; b < byFirst.Length; b++)
        {
            (byFirst[b], firsts[b]) = (b, problem.First[b]);
        }
        Array.Sort(firsts, byFirst);
        var live = new List<int>();
        long pairs = 0;
        foreach (int b in byFirst)
        {
            if (problem.Size[b] == 0)
            {
                continue;
            }
            live.RemoveAll(p => problem.Last[p] < problem.First[b]);
            pairs += live.Count;
            live.Add(b);
        }
        return pairs;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private OffsetAssignment BestStart(ArenaProblem problem, CancellationToken cancellationToken)
    {
        OffsetAssignment? best = null;
        foreach (var strategy in _startStrategies)
        {
            var a = strategy.Assign(problem, best, cancellationToken);
            if (best is null || a.ArenaBytes < best.ArenaBytes)
            {
                best = a;
            }
        }
        return best!;
    }

    /// <summary>Per block an offset variable (in units of <see cref="Unit"/>, so alignment holds by construction) and one
    /// rectangle; zero-size blocks stay at 0 outside the model. The arena end lies between the bound and the start.</summary>
    private static (IntVar?[] Offsets, IntVar End) Build(CpModel model, ArenaProblem problem, OffsetAssignment start, long align)
    {
        long upper = start.ArenaBytes;
        var end = model.NewIntVar(problem.LowerBound, upper, "end");
        var offsets = new IntVar?[problem.Count];
        var rectangles = model.AddNoOverlap2D();
        for (int b = 0; b < problem.Count; b++)
        {
            long size = problem.Size[b];
            if (size == 0)
            {
                continue;
            }
            var k = model.NewIntVar(0, (upper - size) / align, $"k{b}");
            var address = LinearExpr.Term(k, align);
            var time = model.NewFixedSizeIntervalVar(problem.First[b], problem.Last[b] - problem.First[b] + 1, $"t{b}");
            rectangles.AddRectangle(time, model.NewFixedSizeIntervalVar(address, size, $"a{b}"));
            model.Add(address + size <= end);
            // The hint is exact when the start's offsets are multiples of the unit (greedy plans are, see Unit).
            model.AddHint(k, start.Offsets[b] / align);
            offsets[b] = k;
        }
        model.AddHint(end, upper);
        model.Minimize(end);
        return (offsets, end);
    }

    private OffsetAssignment Interpret(ArenaProblem problem, OffsetAssignment start, IntVar?[] vars, long unit, IntVar end, CpSolver solver,
        CpSolverStatus status, string from)
    {
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            // Infeasible under an upper bound of the start's own arena cannot happen for a valid start; say what CP-SAT said.
            return Relabel(start, false, $"cpsat: solver status {status}; returned the start; {from}.");
        }
        var offsets = new long[problem.Count];
        for (int b = 0; b < offsets.Length; b++)
        {
            offsets[b] = vars[b] is IntVar k ? solver.Value(k) * unit : 0;
        }
        long bound = Math.Max(problem.LowerBound, (long)Math.Ceiling(solver.BestObjectiveBound));
        bool optimal = status == CpSolverStatus.Optimal;
        string summary = string.Create(CultureInfo.InvariantCulture, $"cpsat: {status}, arena {solver.Value(end)} B, CP-SAT bound {bound} B; {from}.");
        if (problem.Problem(offsets) is string why)
        {
            return Relabel(start, false, $"{summary} Discarded the solver's offsets ({why}); returned the start.");
        }
        if (problem.ArenaBytes(offsets) >= start.ArenaBytes)
        {
            // Optimal at the start's size proves the start smallest.
            return Relabel(start, optimal, $"{summary} No smaller than the start; returned it.");
        }
        var result = OffsetAssignment.Of(Name, problem, offsets, summary);
        return result with { Proven = result.Proven || optimal };
    }

    private OffsetAssignment Relabel(OffsetAssignment start, bool proven, string message)
        => start with { Strategy = Name, Proven = start.Proven || proven, Message = message };
}
