namespace Scheduler.Graphs.Generators;

/// <summary>
/// Shared by the CNN-like generators (RandWire, NAS cells): adds one single-output op per call, in call order (the
/// order a framework would run the network), with activation sizes from batch × channels × side² × dtype bytes.
/// </summary>
internal sealed class NetworkEmitter(string name, long batch, long dtypeBytes)
{
    private readonly GraphBuilder _builder = new(name);

    /// <summary>Bytes of a [batch, channels, side, side] activation.</summary>
    public long Bytes(long channels, long side) => checked(batch * channels * side * side * dtypeBytes);

    /// <summary>Bytes of a [batch, features] vector.</summary>
    public long VectorBytes(long features) => checked(batch * features * dtypeBytes);

    /// <summary>The input image, freeable after its last use.</summary>
    public int Images(long side) => _builder.AddGraphInput(Bytes(3, side), "images", freeable: true);

    /// <summary>Adds an op consuming <paramref name="inputs"/>; returns its output tensor.</summary>
    public int Op(string opName, string type, long bytes, params int[] inputs)
    {
        int op = _builder.AddOp(_builder.OpCount, opName, type);
        foreach (int t in inputs)
        {
            _builder.AddUse(t, op);
        }
        return _builder.AddOutput(op, bytes);
    }

    /// <summary>Marks the logits as the graph output and builds the graph.</summary>
    public ComputationGraph Finish(int logits)
    {
        _builder.MarkGraphOutput(logits);
        return _builder.Build();
    }
}
