namespace Scheduler.Graphs;

/// <summary>
/// An immutable computation graph: ops (the things ordered, dense indices 0..N-1) and tensors (values with a size in
/// bytes, at most one producing op and any number of consuming ops). Op-level edges are derived from tensor use
/// (producer to consumer) plus optional control edges, and are stored in CSR form both ways, de-duplicated and sorted.
/// File ids and names are kept only for reading, writing and printing. Build one with <see cref="GraphBuilder"/> or
/// <see cref="FromSizes"/>; both validate, so every instance is a DAG with non-negative sizes.
/// </summary>
public sealed class ComputationGraph
{
    private readonly long[] _opIds;
    private readonly string[] _opNames;
    private readonly string[] _opTypes;
    private readonly int[] _succOffsets, _succ, _predOffsets, _pred;
    private readonly int[] _outOffsets, _outs, _inOffsets, _ins;
    private readonly long[] _tensorSize;
    private readonly int[] _producer;
    private readonly int[] _consumerOffsets, _consumers;
    private readonly bool[] _graphOutput, _freeable;
    private readonly string[] _tensorNames;
    private readonly int[] _aliasOf;
    private readonly long[] _outputBytes;
    private Dictionary<long, int>? _indexById;

    internal ComputationGraph(string name, GraphArrays a)
    {
        Name = name;
        _opIds = a.OpIds; _opNames = a.OpNames; _opTypes = a.OpTypes;
        _succOffsets = a.SuccOffsets; _succ = a.Succ; _predOffsets = a.PredOffsets; _pred = a.Pred;
        _outOffsets = a.OutOffsets; _outs = a.Outs; _inOffsets = a.InOffsets; _ins = a.Ins;
        _tensorSize = a.TensorSize; _producer = a.Producer;
        _consumerOffsets = a.ConsumerOffsets; _consumers = a.Consumers;
        _graphOutput = a.GraphOutput; _freeable = a.Freeable; _tensorNames = a.TensorNames;
        _aliasOf = a.AliasOf;
        HasAliases = Array.Exists(_aliasOf, source => source >= 0);
        _outputBytes = new long[_opIds.Length];
        for (int v = 0; v < _opIds.Length; v++)
        {
            foreach (int t in Outputs(v))
            {
                _outputBytes[v] += _tensorSize[t];
            }
        }
        for (int t = 0; t < _tensorSize.Length; t++)
        {
            if (_producer[t] < 0 && !_freeable[t])
            {
                ResidentBytes += _tensorSize[t];
            }
        }
    }

    /// <summary>Graph name (from the file, or given by a generator).</summary>
    public string Name { get; }

    /// <summary>Number of ops.</summary>
    public int OpCount => _opIds.Length;

    /// <summary>Number of tensors, graph inputs included.</summary>
    public int TensorCount => _tensorSize.Length;

    /// <summary>Number of distinct op-level edges.</summary>
    public int EdgeCount => _succ.Length;

    /// <summary>Bytes of graph inputs and weights that stay resident for the whole run (not part of any peak).</summary>
    public long ResidentBytes { get; }

    /// <summary>Ops that must run after <paramref name="op"/> directly (sorted, distinct).</summary>
    public ReadOnlySpan<int> Successors(int op) => _succ.AsSpan(_succOffsets[op], _succOffsets[op + 1] - _succOffsets[op]);

    /// <summary>Ops that must run before <paramref name="op"/> directly (sorted, distinct).</summary>
    public ReadOnlySpan<int> Predecessors(int op) => _pred.AsSpan(_predOffsets[op], _predOffsets[op + 1] - _predOffsets[op]);

    /// <summary>Tensors produced by <paramref name="op"/>, in output-slot order.</summary>
    public ReadOnlySpan<int> Outputs(int op) => _outs.AsSpan(_outOffsets[op], _outOffsets[op + 1] - _outOffsets[op]);

    /// <summary>Distinct tensors consumed by <paramref name="op"/> (graph inputs included).</summary>
    public ReadOnlySpan<int> Inputs(int op) => _ins.AsSpan(_inOffsets[op], _inOffsets[op + 1] - _inOffsets[op]);

    /// <summary>Sum of the sizes of <paramref name="op"/>'s outputs: what running it allocates.</summary>
    public long OutputBytes(int op) => _outputBytes[op];

    /// <summary>Size of tensor <paramref name="tensor"/> in bytes.</summary>
    public long TensorSize(int tensor) => _tensorSize[tensor];

    /// <summary>Producing op of a tensor, or -1 for a graph input / weight.</summary>
    public int Producer(int tensor) => _producer[tensor];

    /// <summary>Distinct ops consuming a tensor (sorted).</summary>
    public ReadOnlySpan<int> Consumers(int tensor)
        => _consumers.AsSpan(_consumerOffsets[tensor], _consumerOffsets[tensor + 1] - _consumerOffsets[tensor]);

    /// <summary>True when the tensor is a graph output and stays live until the end.</summary>
    public bool IsGraphOutput(int tensor) => _graphOutput[tensor];

    /// <summary>True for a graph input that is resident for the whole run (counted in <see cref="ResidentBytes"/>).</summary>
    public bool IsResident(int tensor) => _producer[tensor] < 0 && !_freeable[tensor];

    /// <summary>True for a graph input that is live from the start until its last consumer has run.</summary>
    public bool IsFreeableInput(int tensor) => _producer[tensor] < 0 && _freeable[tensor];

    /// <summary>
    /// The input tensor whose storage op output <paramref name="tensor"/> is a view of (an alias: a reshape that only
    /// relabels the buffer), or -1. The source is always an input of the tensor's producer and at least as large. The
    /// plain model counts an alias as a copy; <see cref="MemoryModelOptions.Views"/> lets it share its source's storage.
    /// </summary>
    public int AliasOf(int tensor) => _aliasOf[tensor];

    /// <summary>True when some output is marked as an alias (<see cref="AliasOf"/>).</summary>
    public bool HasAliases { get; }

    /// <summary>Tensor name (may be empty).</summary>
    public string TensorName(int tensor) => _tensorNames[tensor];

    /// <summary>The id the op has in its file.</summary>
    public long OpId(int op) => _opIds[op];

    /// <summary>The op's name (may be empty).</summary>
    public string OpName(int op) => _opNames[op];

    /// <summary>The op's type, e.g. "MatMul" (may be empty).</summary>
    public string OpType(int op) => _opTypes[op];

    /// <summary>Looks up an op by its file id.</summary>
    public bool TryGetOp(long id, out int op)
    {
        if (_indexById is null)
        {
            var map = new Dictionary<long, int>(_opIds.Length);
            for (int i = 0; i < _opIds.Length; i++)
            {
                map[_opIds[i]] = i;
            }
            _indexById = map;
        }
        return _indexById.TryGetValue(id, out op);
    }

    /// <summary>True when no tensor has several outputs per op, graph outputs or graph inputs: the paper's setting.</summary>
    public bool IsSingleOutput
    {
        get
        {
            for (int v = 0; v < OpCount; v++)
            {
                if (_outOffsets[v + 1] - _outOffsets[v] != 1)
                {
                    return false;
                }
            }
            return TensorCount == OpCount && Array.IndexOf(_graphOutput, true) < 0;
        }
    }

    /// <summary>
    /// Builds a single-output graph (the paper's setting): op i produces one tensor of <paramref name="sizes"/>[i] bytes,
    /// consumed by the targets of its edges; no graph inputs or outputs. Ids are 0..N-1.
    /// </summary>
    /// <exception cref="CycleException">The edges form a cycle.</exception>
    public static ComputationGraph FromSizes(IReadOnlyList<long> sizes, IEnumerable<(int From, int To)> edges, string name = "")
    {
        Guard.NotNull(sizes, nameof(sizes));
        Guard.NotNull(edges, nameof(edges));
        var b = new GraphBuilder(name);
        var outputs = new int[sizes.Count];
        for (int i = 0; i < sizes.Count; i++)
        {
            int op = b.AddOp(i);
            outputs[i] = b.AddOutput(op, sizes[i]);
        }
        foreach (var (from, to) in edges)
        {
            Guard.InRange(from, sizes.Count, nameof(edges), "Edge source");
            Guard.InRange(to, sizes.Count, nameof(edges), "Edge target");
            b.AddUse(outputs[from], to);
        }
        return b.Build();
    }
}
