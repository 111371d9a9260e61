using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// A complete order with its memory profile, able to score "move op v to position j" in O((d + 3) log N) without
/// re-simulating. Derivation from the liveness rule of <see cref="MemorySimulator"/> (tensor x is live at step k when
/// it was produced before k and is still needed at k, or is a graph output): moving v changes, for any other op w,
/// only the liveness at w of v's own outputs and v's inputs, because every other tensor keeps its producer and
/// consumers on the same side of w. Write <c>liveOut</c> for v's outputs that outlive its step (consumed later or
/// graph outputs), and for each dying-capable input x of v (neither resident nor a graph output) <c>m(x)</c> = the
/// latest old position of x's other consumers (−1 if none).
/// <list type="bullet">
/// <item>Later, i → j (v now after old positions i+1..j, all before v's successors): each such w loses <c>liveOut</c>
/// and gains size(x) when pos(w) &gt; m(x) (x used to die before w and now waits for v). v's new step is
/// live-after-old-step-j − liveOut + Σ size(x)[m(x) ≤ j] + out(v).</item>
/// <item>Earlier, i → j (v now before old positions j..i−1, all after v's predecessors): each such w gains
/// <c>liveOut</c> and loses size(x) when pos(w) &gt; m(x). v's new step is live-before-old-step-j + out(v).</item>
/// </list>
/// Steps outside the moved range are unchanged. The deltas are step functions of pos(w) with at most d breakpoints,
/// so a move is a few range-max queries on a <see cref="MaxCountTree"/>.
/// <para>That derivation is the default model's. Under views or in-place reuse (<see cref="MemoryModelOptions"/>) a
/// move also changes which buffers other ops may take over and which aliases keep a buffer alive, so there a move is
/// scored exactly by re-simulating the moved order (O(N + E)), and costs <see cref="EvaluationCost"/> scored moves of
/// the search's budget instead of one.</para>
/// </summary>
internal sealed class OrderProfile
{
    private readonly ComputationGraph _graph;
    private readonly int _n;
    private readonly int[] _order, _position;
    private readonly long[] _step, _live;
    private readonly MaxCountTree _tree;
    private readonly List<(int Threshold, long Size)> _inputs = new();
    private readonly MemoryModelOptions _memory;
    private readonly MemorySimulator? _scratch;
    private readonly int[] _moved;

    public OrderProfile(ComputationGraph graph, int[] order, MemoryModelOptions memory)
    {
        _graph = graph;
        _memory = memory;
        _scratch = memory.IsDefault ? null : new MemorySimulator(graph, memory);
        _moved = memory.IsDefault ? [] : new int[graph.OpCount];
        _n = graph.OpCount;
        _order = (int[])order.Clone();
        _position = new int[_n];
        _step = new long[_n];
        _live = new long[_n + 1];
        _tree = new MaxCountTree(_n);
        Rebuild();
    }

    public long Peak { get; private set; }

    public int PeakCount { get; private set; }

    public int[] Order => (int[])_order.Clone();

    /// <summary>Work units of one <see cref="Apply"/> (it re-simulates the order), for <see cref="SafetyCap.ReachedAfter"/>.</summary>
    public long RebuildWork => _n + _graph.EdgeCount;

    /// <summary>Scored moves one <see cref="Evaluate"/> is charged: 1 under the default model's incremental rule, else a
    /// re-simulation's worth (<see cref="RebuildWork"/> / 64 + 1; a scored move touches about 64 words of work).</summary>
    public long EvaluationCost => _scratch is null ? 1 : RebuildWork / 64 + 1;

    /// <summary>The memory model the profile scores under.</summary>
    public MemoryModelOptions Memory => _memory;

    public int Position(int op) => _position[op];

    /// <summary>Memory at the step of <paramref name="position"/>.</summary>
    public long Step(int position) => _step[position];

    /// <summary>Largest step memory over positions <paramref name="from"/>..<paramref name="to"/>.</summary>
    public long MaxStep(int from, int to) => _tree.Query(from, to).Max;

    /// <summary>Positions op may move to: after its last predecessor, before its first successor.</summary>
    public (int Low, int High) Window(int op)
    {
        int low = 0, high = _n - 1;
        foreach (int p in _graph.Predecessors(op))
        {
            low = Math.Max(low, _position[p] + 1);
        }
        foreach (int s in _graph.Successors(op))
        {
            high = Math.Min(high, _position[s] - 1);
        }
        return (low, high);
    }

    /// <summary>Peak and number of peak steps if <paramref name="op"/> moved to <paramref name="target"/> (in its window).</summary>
    public (long Peak, int Count) Evaluate(int op, int target)
    {
        int i = _position[op];
        if (target == i)
        {
            return (Peak, PeakCount);
        }
        if (_scratch is not null)
        {
            return Resimulate(op, i, target);
        }
        long liveOut = PrepareInputs(op);
        long max = long.MinValue;
        int count = 0;
        if (target > i)
        {
            Fold(ref max, ref count, 0, i - 1, 0);
            Fold(ref max, ref count, target + 1, _n - 1, 0);
            FoldShifted(ref max, ref count, i + 1, target, -liveOut, +1);
            long vStep = _live[target + 1] - liveOut + _graph.OutputBytes(op) + InputsDyingBy(target + 1);
            MaxCountTree.Merge(ref max, ref count, vStep, 1);
        }
        else
        {
            Fold(ref max, ref count, 0, target - 1, 0);
            Fold(ref max, ref count, i + 1, _n - 1, 0);
            FoldShifted(ref max, ref count, target, i - 1, liveOut, -1);
            MaxCountTree.Merge(ref max, ref count, _live[target] + _graph.OutputBytes(op), 1);
        }
        return (max, count);
    }

    /// <summary>Moves <paramref name="op"/> to <paramref name="target"/> and re-scores the order.</summary>
    public void Apply(int op, int target)
    {
        int i = _position[op];
        if (target > i)
        {
            Array.Copy(_order, i + 1, _order, i, target - i);
        }
        else if (target < i)
        {
            Array.Copy(_order, target, _order, target + 1, i - target);
        }
        _order[target] = op;
        Rebuild();
    }

    /// <summary>(peak, peak steps) of the order with <paramref name="op"/> moved from <paramref name="from"/> to
    /// <paramref name="to"/>, by running it through the model (views, in-place reuse).</summary>
    private (long Peak, int Count) Resimulate(int op, int from, int to)
    {
        Array.Copy(_order, _moved, _n);
        if (to > from)
        {
            Array.Copy(_order, from + 1, _moved, from, to - from);
        }
        else
        {
            Array.Copy(_order, to, _moved, to + 1, from - to);
        }
        _moved[to] = op;
        _scratch!.Reset();
        long max = long.MinValue;
        int count = 0;
        foreach (int v in _moved)
        {
            MaxCountTree.Merge(ref max, ref count, _scratch.Execute(v), 1);
        }
        return (max, count);
    }

    /// <summary>Re-simulates the whole order (the model's own rule) after an accepted move; O(N · d).</summary>
    private void Rebuild()
    {
        var sim = new MemorySimulator(_graph, _memory);
        _live[0] = sim.LiveBytes;
        for (int k = 0; k < _n; k++)
        {
            _position[_order[k]] = k;
            _step[k] = sim.Execute(_order[k]);
            _live[k + 1] = sim.LiveBytes;
        }
        _tree.Build(_step);
        (Peak, PeakCount) = _n == 0 ? (0, 0) : _tree.Query(0, _n - 1);
    }

    /// <summary>Fills <see cref="_inputs"/> with (m(x) + 1, size) sorted by threshold; returns liveOut.</summary>
    private long PrepareInputs(int op)
    {
        _inputs.Clear();
        foreach (int x in _graph.Inputs(op))
        {
            if (_graph.IsResident(x) || _graph.IsGraphOutput(x))
            {
                continue;
            }
            int latest = -1;
            foreach (int c in _graph.Consumers(x))
            {
                if (c != op)
                {
                    latest = Math.Max(latest, _position[c]);
                }
            }
            _inputs.Add((latest + 1, _graph.TensorSize(x)));
        }
        _inputs.Sort();
        long liveOut = 0;
        foreach (int t in _graph.Outputs(op))
        {
            if (_graph.Consumers(t).Length > 0 || _graph.IsGraphOutput(t))
            {
                liveOut += _graph.TensorSize(t);
            }
        }
        return liveOut;
    }

    /// <summary>Σ size(x) over inputs whose other consumers all sit before <paramref name="boundary"/> (m(x) &lt; boundary).</summary>
    private long InputsDyingBy(int boundary)
    {
        long sum = 0;
        foreach (var (threshold, size) in _inputs)
        {
            sum += threshold <= boundary ? size : 0;
        }
        return sum;
    }

    /// <summary>Folds old steps from..to, each shifted by base ± Σ size(x)[pos &gt; m(x)] (sign +1 later, −1 earlier).</summary>
    private void FoldShifted(ref long max, ref int count, int from, int to, long baseDelta, int sign)
    {
        long delta = baseDelta;
        int k = 0;
        for (; k < _inputs.Count && _inputs[k].Threshold <= from; k++)
        {
            delta += sign * _inputs[k].Size;
        }
        int segmentStart = from;
        for (; k < _inputs.Count && _inputs[k].Threshold <= to; k++)
        {
            Fold(ref max, ref count, segmentStart, _inputs[k].Threshold - 1, delta);
            segmentStart = _inputs[k].Threshold;
            delta += sign * _inputs[k].Size;
        }
        Fold(ref max, ref count, segmentStart, to, delta);
    }

    private void Fold(ref long max, ref int count, int from, int to, long delta)
    {
        if (from > to)
        {
            return;
        }
        var (m, c) = _tree.Query(from, to);
        MaxCountTree.Merge(ref max, ref count, m + delta, c);
    }
}
