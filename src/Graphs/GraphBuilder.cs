using System.Globalization;
using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs;

/// <summary>
/// The one way to make a <see cref="ComputationGraph"/>: add ops, their output tensors, graph inputs and uses, then
/// <see cref="Build"/>, which checks ids, sizes and acyclicity. Ops keep the order they were added in (the input order).
/// </summary>
public sealed class GraphBuilder
{
    private readonly string _name;
    private readonly List<long> _opIds = [];
    private readonly List<string> _opNames = [];
    private readonly List<string> _opTypes = [];
    private readonly Dictionary<long, int> _indexById = [];
    private readonly List<long> _tensorSize = [];
    private readonly List<int> _producer = [];
    private readonly List<bool> _graphOutput = [];
    private readonly List<bool> _freeable = [];
    private readonly List<string> _tensorNames = [];
    private readonly List<int> _aliasOf = [];
    private readonly List<(int Tensor, int Op)> _uses = [];
    private readonly List<(int From, int To)> _controlEdges = [];

    /// <summary>Starts an empty graph called <paramref name="name"/>.</summary>
    public GraphBuilder(string name = "") => _name = name ?? "";

    /// <summary>Number of ops added so far.</summary>
    public int OpCount => _opIds.Count;

    /// <summary>Number of tensors (outputs and graph inputs) added so far; the next one gets this index.</summary>
    public int TensorCount => _tensorSize.Count;

    /// <summary>Adds an op with a distinct file id; returns its dense index.</summary>
    /// <exception cref="GraphFormatException">The id is already used.</exception>
    public int AddOp(long id, string name = "", string opType = "")
    {
        if (!_indexById.TryAdd(id, _opIds.Count))
        {
            throw new GraphFormatException($"duplicate node id {id.ToString(CultureInfo.InvariantCulture)}");
        }
        _opIds.Add(id);
        _opNames.Add(name ?? "");
        _opTypes.Add(opType ?? "");
        return _opIds.Count - 1;
    }

    /// <summary>The type of op <paramref name="op"/> (may be empty).</summary>
    public string OpType(int op) => _opTypes[op];

    /// <summary>The file id of op <paramref name="op"/>.</summary>
    public long OpId(int op) => _opIds[op];

    /// <summary>Every (tensor, consuming op) pair added so far, repeats included.</summary>
    public IReadOnlyList<(int Tensor, int Op)> Uses => _uses;

    /// <summary>Size in bytes of tensor <paramref name="tensor"/> added so far.</summary>
    public long TensorSize(int tensor) => _tensorSize[tensor];

    /// <summary>Dense index of the op with file id <paramref name="id"/>.</summary>
    public bool TryGetOp(long id, out int op) => _indexById.TryGetValue(id, out op);

    /// <summary>Adds an output tensor of <paramref name="op"/>; returns the tensor index.</summary>
    /// <exception cref="GraphFormatException">The size is negative.</exception>
    public int AddOutput(int op, long size, string name = "", bool graphOutput = false)
    {
        Guard.InRange(op, _opIds.Count, nameof(op), "Op");
        return AddTensor(size, op, name, graphOutput, freeable: true, $"node {_opIds[op]}");
    }

    /// <summary>Adds a graph input or weight; resident unless <paramref name="freeable"/>.</summary>
    /// <exception cref="GraphFormatException">The size is negative.</exception>
    public int AddGraphInput(long size, string name = "", bool freeable = false)
        => AddTensor(size, -1, name, graphOutput: false, freeable, $"input '{name}'");

    /// <summary>Records that <paramref name="op"/> consumes <paramref name="tensor"/> (repeats are merged).</summary>
    public void AddUse(int tensor, int op)
    {
        Guard.InRange(tensor, _tensorSize.Count, nameof(tensor), "Tensor");
        Guard.InRange(op, _opIds.Count, nameof(op), "Op");
        _uses.Add((tensor, op));
    }

    /// <summary>Orders <paramref name="from"/> before <paramref name="to"/> without a tensor between them.</summary>
    public void AddControlEdge(int from, int to)
    {
        Guard.InRange(from, _opIds.Count, nameof(from), "Op");
        Guard.InRange(to, _opIds.Count, nameof(to), "Op");
        _controlEdges.Add((from, to));
    }

    /// <summary>Marks a tensor as a graph output (live until the end).</summary>
    public void MarkGraphOutput(int tensor)
    {
        Guard.InRange(tensor, _tensorSize.Count, nameof(tensor), "Tensor");
        _graphOutput[tensor] = true;
    }

    /// <summary>Marks op output <paramref name="output"/> as a view of <paramref name="source"/>, which its producer must
    /// consume (<see cref="AddUse"/>) and which must be at least as large; <see cref="Build"/> checks both.</summary>
    public void MarkAlias(int output, int source)
    {
        Guard.InRange(output, _tensorSize.Count, nameof(output), "Tensor");
        Guard.InRange(source, _tensorSize.Count, nameof(source), "Tensor");
        if (_producer[output] < 0)
        {
            throw new GraphFormatException($"the {Describe(output)} has no producer, so it cannot be an alias");
        }
        _aliasOf[output] = source;
    }

    /// <summary>Checks the graph and freezes it.</summary>
    /// <exception cref="CycleException">The edges form a cycle (its ops are named).</exception>
    /// <exception cref="GraphFormatException">The tensor sizes add up to more than 2^63−1 bytes (the two tensors
    /// where the sum overflows are named), or an alias's source is not an input of its producer or is smaller.</exception>
    public ComputationGraph Build()
    {
        CheckTotalBytes();
        int n = _opIds.Count, tensors = _tensorSize.Count;
        var opEdges = new List<(int, int)>(_uses.Count + _controlEdges.Count);
        var consumerPairs = new List<(int, int)>(_uses.Count);
        var inputPairs = new List<(int, int)>(_uses.Count);
        foreach (var (t, op) in _uses)
        {
            consumerPairs.Add((t, op));
            inputPairs.Add((op, t));
            if (_producer[t] >= 0)
            {
                opEdges.Add((_producer[t], op));
            }
        }
        opEdges.AddRange(_controlEdges);
        var (succOffsets, succ) = Csr.Build(n, opEdges);
        var cycle = CycleFinder.FindCycle(n, succOffsets, succ);
        if (cycle is not null)
        {
            throw new CycleException(cycle.Select(i => _opIds[i]).ToArray(), cycle.Select(i => _opNames[i]).ToArray());
        }
        var reversed = new List<(int, int)>(succ.Length);
        for (int u = 0; u < n; u++)
        {
            for (int i = succOffsets[u]; i < succOffsets[u + 1]; i++)
            {
                reversed.Add((succ[i], u));
            }
        }
        var (predOffsets, pred) = Csr.Build(n, reversed);
        var outPairs = new List<(int, int)>();
        for (int t = 0; t < tensors; t++)
        {
            if (_producer[t] >= 0)
            {
                outPairs.Add((_producer[t], t));
            }
        }
        var (outOffsets, outs) = Csr.Build(n, outPairs, distinct: false);
        var (inOffsets, ins) = Csr.Build(n, inputPairs);
        var (consumerOffsets, consumers) = Csr.Build(tensors, consumerPairs);
        CheckAliases(inOffsets, ins);
        return new ComputationGraph(_name, new GraphArrays
        {
            OpIds = _opIds.ToArray(), OpNames = _opNames.ToArray(), OpTypes = _opTypes.ToArray(),
            SuccOffsets = succOffsets, Succ = succ, PredOffsets = predOffsets, Pred = pred,
            OutOffsets = outOffsets, Outs = outs, InOffsets = inOffsets, Ins = ins,
            TensorSize = _tensorSize.ToArray(), Producer = _producer.ToArray(),
            ConsumerOffsets = consumerOffsets, Consumers = consumers,
            GraphOutput = _graphOutput.ToArray(), Freeable = _freeable.ToArray(), TensorNames = _tensorNames.ToArray(),
            AliasOf = _aliasOf.ToArray(),
        });
    }

    /// <summary>
    /// Every byte count the project derives (peaks, bounds, resident bytes, arena offsets) is a sum of distinct tensor
    /// sizes, so it fits in a <c>long</c> when the sum of all of them does. Checking that once here keeps checked
    /// arithmetic from failing deep inside a scheduler on a file with absurd sizes.
    /// </summary>
    private void CheckTotalBytes()
    {
        long total = 0;
        int largest = -1;
        for (int t = 0; t < _tensorSize.Count; t++)
        {
            long size = _tensorSize[t];
            if (size > long.MaxValue - total)
            {
                throw new GraphFormatException(
                    $"tensor sizes add up to more than 2^63-1 bytes at the {Describe(t)} ({size.ToString(CultureInfo.InvariantCulture)} B): "
                    + $"the {t.ToString(CultureInfo.InvariantCulture)} tensor(s) before it total {total.ToString(CultureInfo.InvariantCulture)} B, "
                    + $"the largest being the {Describe(largest)} ({_tensorSize[largest].ToString(CultureInfo.InvariantCulture)} B)");
            }
            total += size;
            if (largest < 0 || size > _tensorSize[largest])
            {
                largest = t;
            }
        }
    }

    private void CheckAliases(int[] inOffsets, int[] ins)
    {
        for (int t = 0; t < _aliasOf.Count; t++)
        {
            int source = _aliasOf[t];
            if (source < 0)
            {
                continue;
            }
            int op = _producer[t];
            if (Array.IndexOf(ins, source, inOffsets[op], inOffsets[op + 1] - inOffsets[op]) < 0)
            {
                throw new GraphFormatException(
                    $"the {Describe(t)} is marked as an alias of the {Describe(source)}, which node {_opIds[op].ToString(CultureInfo.InvariantCulture)} does not consume (add that edge, or drop the alias)");
            }
            if (_tensorSize[source] < _tensorSize[t])
            {
                throw new GraphFormatException(
                    $"the {Describe(t)} ({_tensorSize[t].ToString(CultureInfo.InvariantCulture)} B) is marked as an alias of the smaller {Describe(source)} ({_tensorSize[source].ToString(CultureInfo.InvariantCulture)} B)");
            }
        }
    }

    private string Describe(int tensor)
    {
        string name = _tensorNames[tensor].Length > 0 ? $" '{_tensorNames[tensor]}'" : "";
        return _producer[tensor] >= 0
            ? $"output{name} of node {_opIds[_producer[tensor]].ToString(CultureInfo.InvariantCulture)}"
            : $"graph input{name}";
    }

    private int AddTensor(long size, int producer, string name, bool graphOutput, bool freeable, string owner)
    {
        if (size < 0)
        {
            throw new GraphFormatException($"{owner}: negative size {size.ToString(CultureInfo.InvariantCulture)}");
        }
        _tensorSize.Add(size);
        _producer.Add(producer);
        _graphOutput.Add(graphOutput);
        _freeable.Add(freeable);
        _tensorNames.Add(name ?? "");
        _aliasOf.Add(-1);
        return _tensorSize.Count - 1;
    }
}
