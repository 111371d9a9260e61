using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// Large-neighbourhood search (Shaw, CP 1998) for the local search: a window of consecutive positions around a peak
/// step is cut out of the order and re-solved exactly by <see cref="WindowSolver"/> with everything outside it fixed.
/// An answer has every window step below the peak, so the order loses one peak step (and the peak drops when it was
/// the last one) — an improvement no single-op move may reach when the peak needs several ops to trade places at once.
/// The window length adapts to what the state limit allows: a solve the limit cuts shrinks it, a solve that finishes
/// in under a quarter of the limit grows it. Work is charged in scored-move units
/// (<see cref="EvaluationsPerState"/> per stored state), so the local search's budget covers both kinds of step.
/// </summary>
internal sealed class WindowNeighbourhood
{
    /// <summary>Most stored states per window solve (a solve also gets at most 1/50 of the whole budget, so a small
    /// budget still pays for many windows and moves).</summary>
    public const int MaxStatesPerSolve = 20_000;

    /// <summary>A stored state replays its window path and scans the window: about this many scored moves of time
    /// (measured on 1000-op layered graphs: about 2.6 µs a state against 0.6 µs a move).</summary>
    public const int EvaluationsPerState = 4;

    private const int MinLength = 8, StartLength = 20, MaxLength = 48, Step = 4;

    private readonly ComputationGraph _graph;
    private readonly MemoryModelOptions _memory;
    private readonly WindowSolver _solver;
    private readonly ulong[] _opKeys;
    private readonly HashSet<(ulong Before, ulong Inside, long Ceiling)> _proven = new();
    private int _length = StartLength;

    private readonly int _statesPerSolve;

    public WindowNeighbourhood(ComputationGraph graph, MemoryModelOptions memory, int seed, long maxEvaluations)
    {
        _graph = graph;
        _memory = memory;
        _statesPerSolve = (int)Math.Clamp(maxEvaluations / (50L * EvaluationsPerState), 100, MaxStatesPerSolve);
        _solver = new WindowSolver(graph, memory);
        // Zobrist keys (Zobrist 1970): a set of ops hashes to the XOR of its ops' keys.
        var random = new Random(seed);
        _opKeys = new ulong[graph.OpCount];
        for (int v = 0; v < _opKeys.Length; v++)
        {
            _opKeys[v] = (ulong)random.NextInt64() ^ (ulong)random.NextInt64() << 1;
        }
    }

    /// <summary>Window solves tried and improving so far (for the result's message).</summary>
    public int Solves { get; private set; }

    public int Improvements { get; private set; }

    /// <summary>States stored by all solves.</summary>
    public long States { get; private set; }

    /// <summary>"w window solves (i improved, s states)", for the result's message.</summary>
    public override string ToString() => $"{Solves:N0} window solves ({Improvements:N0} improved, {States:N0} states)";

    /// <summary>
    /// Tries one window around each peak step of <paramref name="profile"/>'s order, earliest first, and returns the
    /// re-scored order of the first window that lowers every one of its steps below the peak; null when none did or the
    /// budget ran out.
    /// </summary>
    public OrderProfile? Improve(OrderProfile profile, ref long evaluations, long maxEvaluations, SafetyCap cap, CancellationToken ct)
    {
        int n = _graph.OpCount;
        if (n < 3)
        {
            return null;
        }
        long peak = profile.Peak;
        int[]? order = null;
        for (int p = 0; p < n; p++)
        {
            if (profile.Step(p) != peak)
            {
                continue;
            }
            if (evaluations >= maxEvaluations || cap.IsReached)
            {
                return null;
            }
            ct.ThrowIfCancellationRequested();
            order ??= profile.Order;
            int length = Math.Min(_length, Math.Min(n, WindowSolver.MaxLength));
            int from = Math.Clamp(p - length / 2, 0, n - length);
            // A window is fixed by the set of ops before it and the set inside it: one proven to have no order under
            // this ceiling is not solved again until a change elsewhere alters either set.
            var key = (Hash(order, 0, from), Hash(order, from, from + length), peak);
            if (_proven.Contains(key))
            {
                continue;
            }
            var outcome = _solver.Solve(order, from, length, peak, _statesPerSolve);
            if (outcome.Complete && outcome.Window is null)
            {
                _proven.Add(key);
            }
            Solves++;
            States += outcome.States;
            evaluations += (long)outcome.States * EvaluationsPerState;
            cap.ReachedAfter((long)outcome.States * length);
            Adapt(outcome);
            if (outcome.Window is { } window)
            {
                Improvements++;
                window.CopyTo(order, from);
                return new OrderProfile(_graph, order, _memory);
            }
        }
        return null;
    }

    private ulong Hash(int[] order, int from, int to)
    {
        ulong hash = 0;
        for (int k = from; k < to; k++)
        {
            hash ^= _opKeys[order[k]];
        }
        return hash;
    }

    private void Adapt(WindowSolver.Outcome outcome)
    {
        if (!outcome.Complete)
        {
            _length = Math.Max(MinLength, _length - Step);
        }
        else if (outcome.States < _statesPerSolve / 4)
        {
            _length = Math.Min(MaxLength, _length + Step);
        }
    }
}
