using Scheduler.Graphs;

namespace Scheduler.Pass.Adaptive;

/// <summary>
/// What a method costs, in <em>reference milliseconds</em>: its work count times a fixed rate per unit of work, the
/// rates measured once on the development machine (2 cores, light load; December 2026) and written down here. Never the clock: the same run
/// costs the same everywhere, so decisions built on it are deterministic. The rates grow with the op count where a
/// unit of work does (a local move scans a window, a DP state is a bitset of N bits).
/// </summary>
/// <remarks>
/// <para><see cref="Budget"/> is the cost before the run, from the work budget (<c>local</c> 5,000,000 moves,
/// <c>exact</c> 4,000,000 states, <c>cpsat</c> 250 ms of deterministic time, all × effort; <c>beam</c> width × ops;
/// Topoformer N² attention plus its samples) and the graph's size: the prior of the cost.</para>
/// <para><see cref="Observed"/> is the cost after the run, from the work the method reported
/// (<see cref="CandidateResult.Work"/>; local stops early at the bound, exact when it proves the optimum), else the
/// budget again (beam and Topoformer do a fixed amount of work).</para>
/// </remarks>
public static class MethodCost
{
    /// <summary>The id of a variant's method (<c>local@0.1</c> → <c>local</c>) and its effort multiplier (1 for a plain id).</summary>
    public static (string Method, double Effort) Split(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        int at = id.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (id, 1) : (id[..at], double.Parse(id.AsSpan(at + 1), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The variant id of <paramref name="method"/> at <paramref name="effort"/> (<c>local@0.1</c>).</summary>
    public static string VariantId(string method, double effort)
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{method}@{effort}");

    /// <summary>The cost the budget of <paramref name="method"/> (an id or a variant id) predicts on <paramref name="graph"/>.</summary>
    public static double Budget(string method, ComputationGraph graph, SchedulerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(settings);
        var (id, effort) = Split(method);
        settings = effort == 1 ? settings : settings with { Effort = settings.Effort * effort };
        double n = graph.OpCount, e = graph.EdgeCount;
        return id switch
        {
            "local" => FromWork(method, graph, settings.Scaled(5_000_000)),
            "exact" => FromWork(method, graph, settings.Scaled(Scheduler.Baselines.Exact.ExactScheduler.BaseStateLimit)),
            "cpsat" => FromWork(method, graph, (long)Math.Ceiling(250 * settings.Effort)),
            // Beam: about 1.2 µs per kept state and edge (64 wide: 30 ms on 100 ops, 430 ms on 2,000).
            "beam" => 1.2e-3 * settings.Scaled(settings.BeamWidth) * (n + e),
            // Topoformer: the encoder's N² attention plus a fixed overhead (250 ms on 100 ops, 730 ms on 2,000); the
            // sampler shares the encoding (GraphAnalysis) and adds its samples.
            "topoformer" => 250 + 1.2e-4 * n * n,
            "topoformer-sample" => 250 + 1.2e-4 * n * n + 2e-3 * settings.Samples * (n + e),
            _ => 1e-3 * (n + e),
        };
    }

    /// <summary>The cost of a finished candidate: from its reported work when it has one, else its budget.</summary>
    public static double Observed(CandidateResult candidate, ComputationGraph graph, SchedulerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Work is long work ? FromWork(Split(candidate.Method).Method, graph, work) : Budget(candidate.Method, graph, settings);
    }

    /// <summary>The cost of every candidate of <paramref name="result"/> that ran (skipped ones cost nothing): the
    /// pass's or the adaptive portfolio's work on a graph, comparable between the two on any machine.</summary>
    public static double Total(PassResult result, ComputationGraph graph, SchedulerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Candidates.Where(c => c.Status != CandidateStatus.Skipped).Sum(c => Observed(c, graph, settings));
    }

    /// <summary>Reference milliseconds of <paramref name="work"/> units of <paramref name="method"/>'s work.</summary>
    private static double FromWork(string method, ComputationGraph graph, long work)
    {
        double n = graph.OpCount;
        return method switch
        {
            // Moves: about 0.3 µs each on 100 ops, growing with the window a move scans (5,000,000: 1.6 s on 100
            // ops, 3 s on 2,000).
            "local" => 3e-4 * work * (1 + n / 2000),
            // States: about 1.5 µs each (a bitset of N bits hashed and stored; 0.9–1.7 µs measured on 200–500 ops,
            // 2026-12-06): 4,000,000 states take about 6 s on 500 ops, the same prior as 2,000,000 at 3 µs before.
            "exact" => 1.5e-3 * work,
            // Deterministic milliseconds: about 20 wall milliseconds each on these models, plus building the
            // position model (quadratic in N).
            "cpsat" => 20 * work + 0.01 * n * n,
            _ => 1e-3 * work,
        };
    }
}
