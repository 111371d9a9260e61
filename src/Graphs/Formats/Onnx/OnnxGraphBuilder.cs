using System.Globalization;
using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// Turns the main graph of a <see cref="ModelProto"/> into a <see cref="ComputationGraph"/>: node i becomes op i (file
/// id i); initializers and graph inputs become graph inputs; every node output a tensor sized from
/// graph.input/output/value_info (shape × element bits); graph outputs stay live to the end. Errors are
/// <see cref="GraphFormatException"/>s without the file name (the caller prefixes it).
/// </summary>
internal sealed class OnnxGraphBuilder
{
    private readonly GraphProto _graph;
    private readonly OnnxReadOptions _options;
    private readonly bool _structureOnly;
    private readonly GraphBuilder _builder;
    private readonly Dictionary<string, int> _tensorByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _definedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeProto> _types = new(StringComparer.Ordinal);

    private OnnxGraphBuilder(GraphProto graph, OnnxReadOptions options, bool structureOnly, string name)
    {
        _graph = graph;
        _options = options;
        _structureOnly = structureOnly;
        _builder = new GraphBuilder(name);
    }

    /// <summary>
    /// Builds the graph. With <paramref name="structureOnly"/> every size is 0 and no size error is raised (enough to
    /// validate an order).
    /// </summary>
    public static ComputationGraph Build(ModelProto model, OnnxReadOptions options, bool structureOnly, string name)
    {
        if (model.Graph is null)
        {
            throw new GraphFormatException("not an ONNX model: it has no graph");
        }
        return new OnnxGraphBuilder(model.Graph, options, structureOnly, name).Build();
    }

    private ComputationGraph Build()
    {
        CollectTypes();
        AddInitializers();
        AddGraphInputs();
        var nodes = _graph.Node;
        for (int i = 0; i < nodes.Count; i++)
        {
            AddNode(i, nodes[i]);
        }
        for (int i = 0; i < nodes.Count; i++)
        {
            AddUses(i, nodes[i]);
        }
        foreach (var output in _graph.Output)
        {
            _builder.MarkGraphOutput(Resolve(output.Name, $"graph output '{output.Name}'"));
        }
        return _builder.Build();
    }

    private void CollectTypes()
    {
        // value_info first, then inputs and outputs: the graph's own signature wins where they disagree.
        foreach (var list in new[] { _graph.ValueInfo, _graph.Input, _graph.Output })
        {
            foreach (var v in list)
            {
                if (v.Type is not null && v.Name.Length > 0)
                {
                    _types[v.Name] = v.Type;
                }
            }
        }
    }

    private void AddInitializers()
    {
        foreach (var t in _graph.Initializer)
        {
            string owner = $"initializer '{t.Name}'";
            long size = _structureOnly ? 0 : TensorBytes(t, owner) ?? UnknownSize(t.Name, owner, "has an unknown element type");
            Define(t.Name, _builder.AddGraphInput(size, t.Name, freeable: false), owner);
        }
        foreach (var s in _graph.SparseInitializer)
        {
            // A sparse weight occupies its stored values and indices, not the dense shape.
            string name = s.Values?.Name ?? "";
            string owner = $"sparse initializer '{name}'";
            long size = 0;
            if (!_structureOnly)
            {
                long values = s.Values is null ? 0 : TensorBytes(s.Values, owner) ?? 0;
                long indices = s.Indices is null ? 0 : TensorBytes(s.Indices, owner) ?? 0;
                size = values <= long.MaxValue - indices
                    ? values + indices
                    : throw new GraphFormatException($"value '{name}' ({owner}): values and indices together exceed 2^63-1 bytes");
            }
            Define(name, _builder.AddGraphInput(size, name, freeable: false), owner);
        }
    }

    private void AddGraphInputs()
    {
        foreach (var v in _graph.Input)
        {
            // Before IR 4 every initializer is also listed as an input; it stays a (resident) weight.
            if (_tensorByName.ContainsKey(v.Name))
            {
                continue;
            }
            string owner = $"graph input '{v.Name}'";
            long size = SizeOf(v.Name, owner);
            Define(v.Name, _builder.AddGraphInput(size, v.Name, _options.FreeableInputs), owner);
        }
    }

    private void AddNode(int index, NodeProto node)
    {
        int op = _builder.AddOp(index, node.Name, node.OpType);
        for (int k = 0; k < node.Output.Count; k++)
        {
            string name = node.Output[k];
            if (name.Length == 0)
            {
                continue; // an omitted optional output
            }
            string owner = $"output {k} of {Describe(index, node)}";
            long size = _structureOnly ? 0 : SizeOf(name, owner, node);
            Define(name, _builder.AddOutput(op, size, name), owner);
        }
    }

    private void AddUses(int index, NodeProto node)
    {
        foreach (string name in node.Input)
        {
            if (name.Length > 0)
            {
                _builder.AddUse(Resolve(name, $"input '{name}' of {Describe(index, node)}"), index);
            }
        }
        foreach (string name in OnnxSubgraphCaptures.Of(node))
        {
            _builder.AddUse(Resolve(name, $"value '{name}' captured by a subgraph of {Describe(index, node)}"), index);
        }
        MarkView(node);
    }

    /// <summary>A node of a view op type (<see cref="OnnxReadOptions.ViewOps"/>) with one output no larger than its data
    /// input (input 0) is marked as a view of it.</summary>
    private void MarkView(NodeProto node)
    {
        if (!_options.ViewOps.Contains(node.OpType) || node.Output.Count != 1 || node.Input.Count == 0
            || node.Input[0].Length == 0 || !_tensorByName.TryGetValue(node.Output[0], out int output))
        {
            return;
        }
        int source = _tensorByName[node.Input[0]];
        if (_builder.TensorSize(output) <= _builder.TensorSize(source))
        {
            _builder.MarkAlias(output, source);
        }
    }

    private int Resolve(string name, string where)
        => _tensorByName.TryGetValue(name, out int t)
            ? t
            : throw new GraphFormatException($"{where}: no node, initializer or graph input defines '{name}'");

    private void Define(string name, int tensor, string owner)
    {
        if (!_tensorByName.TryAdd(name, tensor))
        {
            throw new GraphFormatException($"value '{name}' is defined twice: by {_definedBy[name]} and by {owner}");
        }
        _definedBy[name] = owner;
    }

    private long SizeOf(string name, string owner, NodeProto? producer = null)
    {
        if (_structureOnly)
        {
            return 0;
        }
        if (!_types.TryGetValue(name, out var type))
        {
            // A Constant's value carries its own shape even where shape inference was not run.
            long? constant = producer?.OpType == "Constant" && producer.Domain.Length == 0 ? ConstantBytes(producer, owner) : null;
            return constant ?? UnknownSize(name, owner, "has no type in graph.input/output/value_info (run ONNX shape inference)");
        }
        if (type.TensorType is not { } tensor)
        {
            return UnknownSize(name, owner, $"is not a dense tensor (its type is {type.ValueCase})");
        }
        int bits = ElementBits(tensor.ElemType, name, owner);
        if (bits == 0)
        {
            return UnknownSize(name, owner, $"has an unknown element type ({OnnxElementType.Name(tensor.ElemType)})");
        }
        if (tensor.Shape is null)
        {
            return UnknownSize(name, owner, "has an unknown shape (no rank)");
        }
        long count = 1;
        for (int d = 0; d < tensor.Shape.Dim.Count; d++)
        {
            var dim = tensor.Shape.Dim[d];
            long? value = dim.HasDimValue ? dim.DimValue
                : dim.HasDimParam && _options.Dims.TryGetValue(dim.DimParam, out long bound) ? bound : null;
            if (value is null)
            {
                string what = dim.HasDimParam
                    ? $"has symbolic dim {d} '{dim.DimParam}' with no value (bind it with --dim {dim.DimParam}=VALUE)"
                    : $"has unknown dim {d}";
                return UnknownSize(name, owner, what);
            }
            if (value < 0)
            {
                throw new GraphFormatException($"value '{name}' ({owner}) has negative dim {d} = {value}");
            }
            count = Multiply(count, value.Value, name, owner);
        }
        return Bytes(count, bits, name, owner);
    }

    private long? ConstantBytes(NodeProto node, string owner)
    {
        foreach (var a in node.Attribute)
        {
            switch (a.Name)
            {
                case "value" when a.T is not null:
                    return TensorBytes(a.T, owner);
                case "value_float":
                    return 4;
                case "value_int":
                    return 8;
                case "value_floats":
                    return Bytes(a.Floats.Count, 32, node.Output[0], owner);
                case "value_ints":
                    return Bytes(a.Ints.Count, 64, node.Output[0], owner);
                case "value_string":
                case "value_strings":
                    throw new GraphFormatException($"value '{node.Output[0]}' ({owner}) is a string tensor, which has no fixed size");
            }
        }
        return null;
    }

    /// <summary>Bytes of a stored tensor (initializer, Constant value); null when its element type is unknown.</summary>
    private long? TensorBytes(TensorProto t, string owner)
    {
        int bits = ElementBits(t.DataType, t.Name, owner);
        if (bits == 0)
        {
            return null;
        }
        long count = 1;
        foreach (long dim in t.Dims)
        {
            if (dim < 0)
            {
                throw new GraphFormatException($"{owner} has negative dim {dim}");
            }
            count = Multiply(count, dim, t.Name, owner);
        }
        return Bytes(count, bits, t.Name, owner);
    }

    private static int ElementBits(int dataType, string name, string owner)
    {
        int bits = OnnxElementType.Bits(dataType);
        return bits >= 0 ? bits
            : throw new GraphFormatException($"value '{name}' ({owner}) is a string tensor, which has no fixed size");
    }

    private long UnknownSize(string name, string owner, string problem)
        => _options.UnknownSizeBytes ?? throw new GraphFormatException(
            $"value '{name}' ({owner}) {problem}; pass a default with --unknown-size BYTES to read it anyway");

    private static long Multiply(long count, long dim, string name, string owner)
    {
        try
        {
            return checked(count * dim);
        }
        catch (OverflowException ex)
        {
            throw new GraphFormatException($"value '{name}' ({owner}): element count overflows 64 bits", ex);
        }
    }

    private static long Bytes(long count, int bits, string name, string owner)
    {
        try
        {
            return OnnxElementType.Bytes(count, bits);
        }
        catch (OverflowException ex)
        {
            throw new GraphFormatException($"value '{name}' ({owner}): size in bytes overflows 64 bits", ex);
        }
    }

    private static string Describe(int index, NodeProto node)
        => $"node {index.ToString(CultureInfo.InvariantCulture)} '{node.Name}' ({node.OpType})";
}
