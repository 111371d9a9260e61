namespace Scheduler.Graphs.Models;

/// <summary>
/// Thin layer over <see cref="GraphBuilder"/> for model graphs: ops get ids 0..N−1 in emission order (the framework's
/// order), each op has one output tensor named after it, and weights / caches are resident inputs made once per name so
/// that steps sharing a model share its weights. Sizes are element counts × dtype bytes; index tensors (token and
/// position ids) are int64.
/// </summary>
internal sealed class OpEmitter
{
    /// <summary>Bytes of one token or position id (int64, as in PyTorch).</summary>
    public const int IndexBytes = 8;

    private readonly GraphBuilder _builder;
    private readonly Dictionary<string, int> _inputs = new(StringComparer.Ordinal);

    public OpEmitter(string name, int dtypeBytes, ModelGraphOptions? options = null)
    {
        Guard.That(dtypeBytes > 0, nameof(dtypeBytes), $"dtype bytes must be positive, got {dtypeBytes}.");
        _builder = new GraphBuilder(name);
        DtypeBytes = dtypeBytes;
        Options = options ?? ModelGraphOptions.Default;
    }

    public int DtypeBytes { get; }

    /// <summary>Which storage sharing the graph marks: the reshape ops of <see cref="View"/>, in-place KV writes.</summary>
    public ModelGraphOptions Options { get; }

    /// <summary>With <see cref="ModelGraphOptions.Views"/>, a "Reshape" op whose output is marked as a view of
    /// <paramref name="input"/> (PyTorch <c>view</c>/<c>reshape</c> of a contiguous tensor, e.g. splitting heads);
    /// returns its output, or <paramref name="input"/> itself when views are not emitted.</summary>
    public int View(string name, int input)
        => Options.Views ? Alias(name, "Reshape", _builder.TensorSize(input), input, input) : input;

    /// <summary>Adds an op whose single output of <paramref name="bytes"/> bytes is marked as an alias of
    /// <paramref name="source"/>, which must be one of <paramref name="inputs"/> and at least as large.</summary>
    public int Alias(string name, string type, long bytes, int source, params ReadOnlySpan<int> inputs)
    {
        int alias = OpBytes(name, type, bytes, inputs);
        _builder.MarkAlias(alias, source);
        return alias;
    }

    /// <summary>A resident weight (or KV cache) of <paramref name="elements"/> dtype elements, made once per name.</summary>
    public int Weight(string name, long elements)
    {
        if (!_inputs.TryGetValue(name, out int t))
        {
            t = _builder.AddGraphInput(checked(elements * DtypeBytes), name, freeable: false);
            _inputs.Add(name, t);
        }
        return t;
    }

    /// <summary>A freeable graph input (token ids, pixels): live from the start until its last consumer.</summary>
    public int Input(string name, long bytes)
    {
        if (!_inputs.TryGetValue(name, out int t))
        {
            t = _builder.AddGraphInput(bytes, name, freeable: true);
            _inputs.Add(name, t);
        }
        return t;
    }

    /// <summary>Adds an op whose single output holds <paramref name="elements"/> dtype elements.</summary>
    public int Op(string name, string type, long elements, params ReadOnlySpan<int> inputs)
        => OpBytes(name, type, checked(elements * DtypeBytes), inputs);

    /// <summary>Adds an op whose single output holds <paramref name="bytes"/> bytes.</summary>
    public int OpBytes(string name, string type, long bytes, params ReadOnlySpan<int> inputs)
    {
        int op = _builder.AddOp(_builder.OpCount, name, type);
        foreach (int t in inputs)
        {
            _builder.AddUse(t, op);
        }
        return _builder.AddOutput(op, bytes, name);
    }

    /// <summary>Adds an op with one input list and several outputs; returns the output tensors.</summary>
    public int[] OpMulti(string name, string type, ReadOnlySpan<long> outputBytes, ReadOnlySpan<string> outputNames,
        params ReadOnlySpan<int> inputs)
    {
        int op = _builder.AddOp(_builder.OpCount, name, type);
        foreach (int t in inputs)
        {
            _builder.AddUse(t, op);
        }
        var outs = new int[outputBytes.Length];
        for (int i = 0; i < outs.Length; i++)
        {
            outs[i] = _builder.AddOutput(op, outputBytes[i], $"{name}.{outputNames[i]}");
        }
        return outs;
    }

    /// <summary>
    /// A linear layer: weight <c>[in, out]</c> (plus bias <c>[out]</c>) as resident inputs named
    /// <c>{weightName}.weight</c> / <c>.bias</c>; output <c>[rows, out]</c>.
    /// </summary>
    public int Linear(string opName, string weightName, long rows, long inFeatures, long outFeatures, bool bias, int input)
    {
        int w = Weight(weightName + ".weight", checked(inFeatures * outFeatures));
        return bias
            ? Op(opName, "MatMul", checked(rows * outFeatures), input, w, Weight(weightName + ".bias", outFeatures))
            : Op(opName, "MatMul", checked(rows * outFeatures), input, w);
    }

    /// <summary>RMSNorm (scale only) or LayerNorm (scale and bias) over rows of <paramref name="width"/>.</summary>
    public int Norm(NormKind kind, string opName, string weightName, long rows, long width, int input)
    {
        int w = Weight(weightName + ".weight", width);
        return kind == NormKind.RmsNorm
            ? Op(opName, "RMSNorm", checked(rows * width), input, w)
            : Op(opName, "LayerNorm", checked(rows * width), input, w, Weight(weightName + ".bias", width));
    }

    /// <summary>A two-layer MLP adapter (LLaVA projector or drafter image adapter) over <paramref name="rows"/> tokens.</summary>
    public int Adapter(AdapterConfig config, string scope, long rows, int input)
    {
        int a = Linear(scope + ".linear_1", scope + ".linear_1", rows, config.InputSize, config.HiddenSize, true, input);
        int act = Op(scope + ".act", config.Act, checked(rows * config.HiddenSize), a);
        return Linear(scope + ".linear_2", scope + ".linear_2", rows, config.HiddenSize, config.OutputSize, true, act);
    }

    /// <summary>Dense index of the op added last.</summary>
    public int LastOp => _builder.OpCount - 1;

    /// <summary>Orders op <paramref name="from"/> before op <paramref name="to"/> (an in-place write after its readers).</summary>
    public void ControlEdge(int from, int to) => _builder.AddControlEdge(from, to);

    /// <summary>Marks a tensor as a graph output (logits, new KV entries, accepted tokens).</summary>
    public void MarkOutput(int tensor) => _builder.MarkGraphOutput(tensor);

    public ComputationGraph Build() => _builder.Build();
}
