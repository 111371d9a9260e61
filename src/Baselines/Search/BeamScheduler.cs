using System.Diagnostics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// Beam search over partial orders (the classic beam search of Lowerre 1976, applied to memory-aware list scheduling
/// as in the beam baselines of Gagrani et al., NeurIPS 2022). A state is a scheduled set (a down-set of the DAG) plus
/// an incremental <see cref="MemorySimulator"/>; every state in the beam is extended by each of its ready ops, and the
/// <c>width</c> best children by (peak so far, live bytes) survive, ties broken by parent rank then input order.
/// Dominance: the scheduled set alone fixes the live bytes, so of two children with the same set only the one with the
/// lower peak can matter; duplicates are found by a Zobrist hash of the set (Zobrist 1970) and an exact bitset check.
/// Children are scored from their parent's simulator without copying it, and only the survivors are materialised, so a
/// step costs O(W · R · d) scoring plus O(W · T) copying — no re-simulation.
/// The result is never worse than the start order (the one handed in, else the best start heuristic or the fallback
/// greedy/Kahn order). Its work is fixed by the width (<see cref="SchedulerSettings.BeamWidth"/> × effort), so it is
/// deterministic; the wall-clock limit is a safety cap (<see cref="SafetyCap"/>, polled by work done), and a cut search
/// returns the start order flagged <see cref="SolveResult.Capped"/>. A graph on which the width would need more than
/// <see cref="MaxCopyWork"/> is refused up front (<see cref="NotSupportedException"/>: skipped by the pass).
/// </summary>
public sealed class BeamScheduler : ISolvingScheduler
{
    /// <summary>
    /// Most words of state the survivors may copy over a whole search: width × N steps × (T tensors + N/64 bitset
    /// words), 2^33. The width 64 reaches it near 11,000 single-output ops (10,000 take about 20 s); a million ops
    /// would need 6·10¹³, so the search could only be cut by the safety cap. A narrower beam reaches larger graphs.
    /// </summary>
    public const long MaxCopyWork = 1L << 33;

    private readonly IReadOnlyList<IScheduler> _startHeuristics;
    private readonly int _width;
    private readonly SchedulerSettings _settings;

    /// <summary>Creates a beam search of width <see cref="SchedulerSettings.BeamWidth"/> × <see cref="SchedulerSettings.Effort"/>.</summary>
    /// <param name="startHeuristics">Standalone orders the result is compared against (may be empty).</param>
    /// <param name="settings">Reads <see cref="SchedulerSettings.BeamWidth"/>, <see cref="SchedulerSettings.Effort"/>
    /// and <see cref="SchedulerSettings.TimeLimit"/> (the safety cap; null: <see cref="SafetyCap.DefaultLimit"/>); null means defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">The beam width is below 1.</exception>
    public BeamScheduler(IReadOnlyList<IScheduler> startHeuristics, SchedulerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(startHeuristics);
        settings ??= SchedulerSettings.Default;
        _startHeuristics = startHeuristics;
        if (settings.BeamWidth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.BeamWidth, $"Beam width must be at least 1, got {settings.BeamWidth}.");
        }
        _width = Width(settings);
        _settings = settings;
    }

    /// <inheritdoc/>
    public string Name => "beam";

    /// <inheritdoc/>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Solve(new GraphAnalysis(graph, _settings.Model), null, cancellationToken).Order;

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The search would copy more than <see cref="MaxCopyWork"/> words.</exception>
    public SolveResult Solve(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken = default)
        => Solve(analysis, start, SafetyCap.Start(_settings), cancellationToken);

    /// <summary>Solves within <paramref name="cap"/> (a caller's deadline, e.g. an exact method's start phase).</summary>
    internal SolveResult Solve(GraphAnalysis analysis, StartOrder? start, SafetyCap cap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var graph = analysis.Graph;
        double work = CopyWork(graph);
        if (work > MaxCopyWork)
        {
            throw new NotSupportedException(
                $"beam: width {_width} on {graph.OpCount} ops would copy {work:G3} words of state (width × ops × tensors), limit {MaxCopyWork:G3}; the work grows as width × N², so lower --beam-width for a graph this size.");
        }
        start = StartOrders.Resolve(analysis, start, _startHeuristics, cap, cancellationToken);
        int[]? order = cap.IsReached ? null : Search(graph, analysis.Memory, cap, cancellationToken);
        if (order is null)
        {
            return new SolveResult(start.Order, SolveStatus.GaveUp, null,
                $"beam: stopped by the {cap}; returned the start order ({start.Source}).", Capped: true);
        }
        long peak = MemoryModel.Evaluate(graph, order, analysis.Memory);
        return peak <= start.Peak
            ? new SolveResult(order, SolveStatus.Feasible, null, $"beam: width {_width}, peak {peak} (start {start.Peak}, {start.Source}).")
            : new SolveResult(start.Order, SolveStatus.Feasible, null, $"beam: width {_width} found {peak}, above the start order ({start.Source}, {start.Peak}).");
    }

    /// <summary>The beam's best complete order, or null when the cap stopped it. The cap is polled per materialised
    /// child (each costs a copy of O(T) simulator state), so one wide step on a huge graph cannot overrun it.</summary>
    private int[]? Search(ComputationGraph graph, MemoryModelOptions memory, SafetyCap cap, CancellationToken ct)
    {
        int n = graph.OpCount;
        var zobrist = ZobristKeys(n);
        var trace = new BeamTrace(n * Math.Min(_width, 1024));
        var beam = new List<BeamState> { BeamState.Initial(graph, memory) };
        var candidates = new List<BeamCandidate>();
        var seen = new Dictionary<ulong, int>();
        long childWork = graph.TensorCount + ((n + 63) >> 6) + 1;
        for (int step = 0; step < n; step++)
        {
            ct.ThrowIfCancellationRequested();
            candidates.Clear();
            for (int s = 0; s < beam.Count; s++)
            {
                var state = beam[s];
                foreach (int v in state.Ready)
                {
                    long stepBytes = state.Sim.StepBytes(v);
                    long peak = Math.Max(state.Sim.PeakBytes, stepBytes);
                    long live = stepBytes - state.Sim.FreedBy(v);
                    candidates.Add(new BeamCandidate(peak, live, s, v, state.Hash ^ zobrist[v]));
                }
            }
            if (cap.ReachedAfter(candidates.Count))
            {
                return null;
            }
            candidates.Sort();
            seen.Clear();
            var next = new List<BeamState>(_width);
            for (int k = 0; k < candidates.Count; k++)
            {
                var c = candidates[k];
                if (seen.TryGetValue(c.Hash, out int kept) && SameSet(beam, candidates[kept], c))
                {
                    continue;
                }
                if (cap.ReachedAfter(childWork + beam[c.State].Ready.Length))
                {
                    return null;
                }
                seen.TryAdd(c.Hash, k);
                next.Add(beam[c.State].Extend(graph, c.Op, c.Hash, trace));
                if (next.Count == _width)
                {
                    break;
                }
            }
            beam = next;
        }
        return trace.Order(beam[0].TraceIndex, n);
    }

    /// <summary>Words of state the survivors copy over the whole search of <paramref name="graph"/> (compared with
    /// <see cref="MaxCopyWork"/>; a double, since it can pass 2^63 and only its size matters).</summary>
    internal double CopyWork(ComputationGraph graph) => CopyWork(_width, graph);

    /// <summary>True when a beam of <paramref name="settings"/>' width can search <paramref name="graph"/> (its copy work
    /// is at most <see cref="MaxCopyWork"/>); false when <see cref="Solve(GraphAnalysis, StartOrder?, CancellationToken)"/>
    /// would refuse it.</summary>
    public static bool Accepts(ComputationGraph graph, SchedulerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(settings);
        return CopyWork(Width(settings), graph) <= MaxCopyWork;
    }

    private static int Width(SchedulerSettings settings) => (int)Math.Min(1 << 20, settings.Scaled(settings.BeamWidth));

    private static double CopyWork(int width, ComputationGraph graph) => (double)width * graph.OpCount * (graph.TensorCount + (graph.OpCount >> 6) + 1);

    /// <summary>True when the two candidates schedule the same set (parent set plus one op each).</summary>
    private static bool SameSet(List<BeamState> beam, BeamCandidate a, BeamCandidate b)
    {
        if (a.State == b.State)
        {
            return a.Op == b.Op;
        }
        var pa = beam[a.State].Bits;
        var pb = beam[b.State].Bits;
        for (int w = 0; w < pa.Length; w++)
        {
            ulong wa = pa[w], wb = pb[w];
            if (a.Op >> 6 == w)
            {
                wa |= 1UL << (a.Op & 63);
            }
            if (b.Op >> 6 == w)
            {
                wb |= 1UL << (b.Op & 63);
            }
            if (wa != wb)
            {
                return false;
            }
        }
        return true;
    }

    private static ulong[] ZobristKeys(int n)
    {
        // Fixed seed: the keys only hash sets, so determinism matters and the seed does not.
        var random = new Random(0x5EED);
        var keys = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 1);
        }
        Debug.Assert(n == 0 || keys[0] != 0);
        return keys;
    }
}
