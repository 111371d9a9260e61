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
/// <para><b>Views</b> (only with <see cref="MemoryModelOptions.Views"/>): an output marked as an alias of an input
/// (<see cref="ComputationGraph.AliasOf"/>) allocates nothing; it and its source, and every alias of either, share one
/// buffer (a class of <see cref="StorageClasses"/>), which is freed after the last consumer of any of them has run, and
/// never when one of them is a graph output or the source is resident. With both options, storage is what is reused:
/// an in-place output takes over a buffer of its size when every use of that buffer left is this op's single read,
/// so a buffer some alias still has to be read from is never overwritten.</para>
/// </summary>
public sealed partial class MemorySimulator
{
    private readonly ComputationGraph _graph;
    private readonly int[] _remainingUses;
    private readonly long _initialLive;

    // Null under the default model, so its hot path is exactly the plain rule; otherwise the buffer classes and, per
    // buffer (indexed by the root tensor that allocated it), the buffer now holding a class, its uses left and its pin.
    private readonly StorageClasses? _classes;
    private readonly bool[]? _inPlaceOps;
    private readonly int[] _storageOf = [], _storageUses = [];
    private readonly bool[] _storagePinned = [];

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
        _remainingUses = new int[graph.TensorCount];
        if (!options.IsDefault)
        {
            _classes = StorageClasses.Of(graph, options);
            _storageOf = new int[graph.TensorCount];
            _storageUses = new int[graph.TensorCount];
            _storagePinned = new bool[graph.TensorCount];
            if (options.InPlace)
            {
                _inPlaceOps = new bool[graph.OpCount];
                for (int v = 0; v < graph.OpCount; v++)
                {
                    _inPlaceOps[v] = options.IsElementWise(graph.OpType(v));
                }
            }
        }
        for (int t = 0; t < graph.TensorCount; t++)
        {
            bool used = _classes is null ? graph.Consumers(t).Length > 0 : _classes.Root[t] == t && _classes.Uses[t] > 0;
            if (graph.IsFreeableInput(t) && used)
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
        _classes = other._classes;
        _inPlaceOps = other._inPlaceOps;
        _remainingUses = (int[])other._remainingUses.Clone();
        _storageOf = (int[])other._storageOf.Clone();
        _storageUses = (int[])other._storageUses.Clone();
        _storagePinned = (bool[])other._storagePinned.Clone();
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
        if (_classes is not null)
        {
            for (int t = 0; t < _graph.TensorCount; t++)
            {
                _storageOf[t] = t;
                _storageUses[t] = _classes.Uses[t];
                _storagePinned[t] = _classes.Pinned[t];
            }
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
        Array.Copy(source._storageOf, _storageOf, _storageOf.Length);
        Array.Copy(source._storageUses, _storageUses, _storageUses.Length);
        Array.Copy(source._storagePinned, _storagePinned, _storagePinned.Length);
        LiveBytes = source.LiveBytes;
        PeakBytes = source.PeakBytes;
        Steps = source.Steps;
    }

    /// <summary>Memory at the step if <paramref name="op"/> ran next: live bytes plus what it allocates (its outputs,
    /// less views and less the outputs written in place over dying inputs).</summary>
    public long StepBytes(int op) => LiveBytes + AllocatedBytes(op) - ReusedBytes(op);

    /// <summary>Bytes <paramref name="op"/>'s step allocates before reuse: its outputs, less honoured views.</summary>
    public long AllocatedBytes(int op) => _classes is null ? _graph.OutputBytes(op) : _classes.Allocated[op];

    /// <summary>Bytes of <paramref name="op"/>'s outputs that would be written in place over dying inputs if it ran
    /// next (always 0 without <see cref="MemoryModelOptions.InPlace"/>).</summary>
    public long ReusedBytes(int op) => _inPlaceOps is null || !_inPlaceOps[op] ? 0 : FindDonors(op, []);

    /// <summary>Bytes that running <paramref name="op"/> next would give back (its dying inputs and its unused outputs,
    /// less storage handed on in place), so that the live bytes after it are <c>StepBytes(op) − FreedBy(op)</c>.</summary>
    public long FreedBy(int op) => _classes is null ? FreedPlain(op) : FreedStorage(op);

    /// <summary>Runs <paramref name="op"/>; returns the memory at its step.</summary>
    public long Execute(int op) => Execute(op, []);

    /// <summary>Runs <paramref name="op"/> and, when <paramref name="donors"/> is not empty (one slot per output),
    /// writes for each output the input tensor whose buffer it took over (in place, or as a view), or -1. When
    /// <paramref name="ended"/> is given, appends one tensor per buffer freed at this step: the root that allocated it
    /// (for the plain model, the tensor itself). Graph outputs and resident tensors never end.</summary>
    internal long Execute(int op, Span<int> donors, List<int>? ended = null)
    {
        long step = _classes is null ? ExecutePlain(op, donors, ended) : ExecuteStorage(op, donors, ended);
        foreach (int t in _graph.Inputs(op))
        {
            _remainingUses[t]--;
        }
        Steps++;
        return step;
    }

    private long ExecutePlain(int op, Span<int> donors, List<int>? ended)
    {
        donors.Fill(-1);
        long step = LiveBytes + _graph.OutputBytes(op);
        PeakBytes = Math.Max(PeakBytes, step);
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
        LiveBytes = step - freed;
        return step;
    }

    private long FreedPlain(int op)
    {
        long freed = 0;
        foreach (int t in _graph.Inputs(op))
        {
            freed += _remainingUses[t] == 1 && IsFreeable(t) ? _graph.TensorSize(t) : 0;
        }
        foreach (int t in _graph.Outputs(op))
        {
            freed += _graph.Consumers(t).Length == 0 && !_graph.IsGraphOutput(t) ? _graph.TensorSize(t) : 0;
        }
        return freed;
    }

    private bool IsFreeable(int tensor) => !_graph.IsGraphOutput(tensor) && !_graph.IsResident(tensor);
}
