namespace Scheduler.Graphs;

/// <summary>
/// Runs ops one at a time and tracks live bytes: the single implementation of the liveness rule of docs/DESIGN.md §2, which
/// <see cref="MemoryModel"/> and every greedy scheduler share.
/// <list type="bullet">
/// <item>Resident graph inputs are never counted (they are <see cref="ComputationGraph.ResidentBytes"/>).</item>
/// <item>Freeable graph inputs with a consumer are live from the start until their last consumer has run.</item>
/// <item>Running op v costs <c>live + OutputBytes(v)</c>: its inputs are still live while its outputs are written.</item>
/// <item>After v, every tensor whose last consumer is v is freed, and so is every output of v with no consumer;
/// graph outputs are never freed.</item>
/// </list>
/// The simulator does not check readiness (that is <see cref="MemoryModel.Validate"/>'s job); running an op twice is
/// a caller bug.
/// <para><b>In-place reuse</b> (only with <see cref="MemoryModelOptions.InPlace"/>; HMCOS / ONNX Runtime style): when an
/// element-wise op v runs, each output o of v (in slot order) takes over the storage of the first input t of v (in
/// input order) such that v is t's last remaining consumer, t is neither a graph output nor resident, t has o's byte
/// size (non-zero), and t has not already been given to an earlier output of v. Then o allocates nothing and t is not
/// freed at v: its storage lives on as o and follows o's lifetime. So the step costs
/// <c>live + OutputBytes(v) − ReusedBytes(v)</c>, and the live bytes after the step are the same as without reuse.
/// <b>Ordering safety:</b> overwriting t at v is legal only because every other reader of t has already run — v is
/// t's last remaining consumer in this order. A reader of t that runs after v keeps t's remaining uses above one at
/// v, so no reuse happens there. Reuse is therefore decided per order; a runtime that executes the order must make the
/// same decision (or add an ordering edge from every reader of t to v) before it may overwrite t.</para>
/// </summary>
public sealed class MemorySimulator
{
    private readonly ComputationGraph _graph;
    private readonly int[] _remainingUses;
    private readonly long _initialLive;

    // Per op: may it write in place? Null when in-place reuse is off, so the default model is exactly the old one.
    private readonly bool[]? _inPlaceOps;

    /// <summary>Starts before the first step, under the default memory model.</summary>
    public MemorySimulator(ComputationGraph graph)
        : this(graph, MemoryModelOptions.Default)
    {
    }

    /// <summary>Starts before the first step, under the memory model with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    public MemorySimulator(ComputationGraph graph, MemoryModelOptions options)
    {
        _graph = Guard.NotNull(graph, nameof(graph));
        Options = Guard.NotNull(options, nameof(options));
        if (options.InPlace)
        {
            _inPlaceOps = new bool[graph.OpCount];
            for (int v = 0; v < graph.OpCount; v++)
            {
                _inPlaceOps[v] = options.IsElementWise(graph.OpType(v));
            }
        }
        _remainingUses = new int[graph.TensorCount];
        for (int t = 0; t < graph.TensorCount; t++)
        {
            if (graph.IsFreeableInput(t) && graph.Consumers(t).Length > 0)
            {
                _initialLive += graph.TensorSize(t);
            }
        }
        Reset();
    }

    private MemorySimulator(MemorySimulator other)
    {
        _graph = other._graph;
        Options = other.Options;
        _inPlaceOps = other._inPlaceOps;
        _remainingUses = (int[])other._remainingUses.Clone();
        _initialLive = other._initialLive;
        LiveBytes = other.LiveBytes;
        PeakBytes = other.PeakBytes;
        Steps = other.Steps;
    }

    /// <summary>The memory-model options this simulator applies.</summary>
    public MemoryModelOptions Options { get; }

    /// <summary>Bytes live between steps (after the last executed op's frees).</summary>
    public long LiveBytes { get; private set; }

    /// <summary>Largest step memory so far (0 before any step).</summary>
    public long PeakBytes { get; private set; }

    /// <summary>Number of ops executed.</summary>
    public int Steps { get; private set; }

    /// <summary>Consumers of <paramref name="tensor"/> that have not run yet.</summary>
    public int RemainingUses(int tensor) => _remainingUses[tensor];

    /// <summary>Back to before the first step.</summary>
    public void Reset()
    {
        for (int t = 0; t < _graph.TensorCount; t++)
        {
            _remainingUses[t] = _graph.Consumers(t).Length;
        }
        LiveBytes = _initialLive;
        PeakBytes = 0;
        Steps = 0;
    }

    /// <summary>A copy that can run on independently (used by search).</summary>
    public MemorySimulator Clone() => new(this);

    /// <summary>Takes over the state of <paramref name="source"/>, a simulator of the same graph under the same options,
    /// without allocating (search that replays many paths from one saved prefix).</summary>
    /// <exception cref="ArgumentException">The source simulates another graph or model.</exception>
    public void CopyFrom(MemorySimulator source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!ReferenceEquals(source._graph, _graph) || source.Options != Options)
        {
            throw new ArgumentException("the source simulates another graph or memory model", nameof(source));
        }
        Array.Copy(source._remainingUses, _remainingUses, _remainingUses.Length);
        LiveBytes = source.LiveBytes;
        PeakBytes = source.PeakBytes;
        Steps = source.Steps;
    }

    /// <summary>Memory at the step if <paramref name="op"/> ran next: live bytes plus its outputs, less the outputs
    /// written in place over dying inputs.</summary>
    public long StepBytes(int op) => LiveBytes + _graph.OutputBytes(op) - ReusedBytes(op);

    /// <summary>Bytes of <paramref name="op"/>'s outputs that would be written in place over dying inputs if it ran
    /// next (always 0 without <see cref="MemoryModelOptions.InPlace"/>).</summary>
    public long ReusedBytes(int op) => _inPlaceOps is null || !_inPlaceOps[op] ? 0 : FindDonors(op, []);

    /// <summary>Bytes that running <paramref name="op"/> next would give back (its dying inputs and its unused outputs,
    /// less storage handed on in place), so that the live bytes after it are <c>StepBytes(op) − FreedBy(op)</c>.</summary>
    public long FreedBy(int op) => FreedWithoutReuse(op) - ReusedBytes(op);

    /// <summary>Bytes of the tensors whose storage running <paramref name="op"/> next ends (its dying inputs and its
    /// unused outputs), in-place donors included; each such tensor is appended to <paramref name="ended"/> if given.</summary>
    private long FreedWithoutReuse(int op, List<int>? ended = null)
    {
        long freed = 0;
        foreach (int t in _graph.Inputs(op))
        {
            if (_remainingUses[t] == 1 && IsFreeable(t))
            {
                freed += _graph.TensorSize(t);
                ended?.Add(t);
            }
        }
        foreach (int t in _graph.Outputs(op))
        {
            if (_graph.Consumers(t).Length == 0 && !_graph.IsGraphOutput(t))
            {
                freed += _graph.TensorSize(t);
                ended?.Add(t);
            }
        }
        return freed;
    }

    /// <summary>Runs <paramref name="op"/>; returns the memory at its step.</summary>
    public long Execute(int op) => Execute(op, []);

    /// <summary>Runs <paramref name="op"/> and, when <paramref name="donors"/> is not empty (one slot per output),
    /// writes for each output the input tensor whose storage it took over, or -1. When <paramref name="ended"/> is
    /// given, appends every tensor whose lifetime ends at this step: its dying inputs (donors too: their storage lives
    /// on as the output they were given to) and its unused outputs. Graph outputs and resident tensors never end.</summary>
    internal long Execute(int op, Span<int> donors, List<int>? ended = null)
    {
        long reused = 0;
        if (_inPlaceOps is null || !_inPlaceOps[op])
        {
            donors.Fill(-1);
        }
        else
        {
            reused = FindDonors(op, donors);
        }
        long step = LiveBytes + _graph.OutputBytes(op) - reused;
        if (step > PeakBytes)
        {
            PeakBytes = step;
        }
        // Reused storage is neither allocated nor freed at this step, so the live bytes after it do not depend on reuse.
        LiveBytes = step + reused - FreedWithoutReuse(op, ended);
        foreach (int t in _graph.Inputs(op))
        {
            _remainingUses[t]--;
        }
        Steps++;
        return step;
    }

    /// <summary>The in-place rule (see the type's remarks): matches outputs to dying same-size inputs, greedily in slot
    /// and input order; returns the bytes reused. <paramref name="donors"/> is empty or has one slot per output.</summary>
    private long FindDonors(int op, Span<int> donors)
    {
        var outputs = _graph.Outputs(op);
        var inputs = _graph.Inputs(op);
        Span<int> chosen = outputs.Length <= 16 ? stackalloc int[outputs.Length] : new int[outputs.Length];
        long reused = 0;
        for (int k = 0; k < outputs.Length; k++)
        {
            long size = _graph.TensorSize(outputs[k]);
            chosen[k] = -1;
            foreach (int t in inputs)
            {
                if (size > 0 && _remainingUses[t] == 1 && IsFreeable(t) && _graph.TensorSize(t) == size
                    && chosen[..k].IndexOf(t) < 0)
                {
                    chosen[k] = t;
                    reused += size;
                    break;
                }
            }
        }
        if (!donors.IsEmpty)
        {
            chosen.CopyTo(donors);
        }
        return reused;
    }

    private bool IsFreeable(int tensor) => !_graph.IsGraphOutput(tensor) && !_graph.IsResident(tensor);
}
