using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// A parsed ONNX model beside the <see cref="ComputationGraph"/> read from it. Op <c>i</c> of <see cref="Graph"/> is
/// <c>graph.node[i]</c> of <see cref="Proto"/> (its file id is also <c>i</c>), so an order over ops is an order over
/// nodes; <see cref="OnnxModelWriter"/> uses that to write the model back with only the node order changed.
/// </summary>
public sealed class OnnxModel
{
    internal OnnxModel(ModelProto proto, ComputationGraph graph, string source, string? baseDirectory)
    {
        Proto = proto;
        Graph = graph;
        Source = source;
        BaseDirectory = baseDirectory;
    }

    /// <summary>The parsed model. Treat it as read-only: the writer clones it before reordering.</summary>
    public ModelProto Proto { get; }

    /// <summary>The graph of the model's nodes and values, sized by the read options.</summary>
    public ComputationGraph Graph { get; }

    /// <summary>The file it was read from (or the name given to <see cref="OnnxGraphReader.FromProto"/>).</summary>
    public string Source { get; }

    /// <summary>
    /// The full path of the folder of the model file: the folder that the <c>location</c> of every tensor stored in
    /// external data is relative to. Null for a model from <see cref="OnnxGraphReader.FromProto"/>, whose external data
    /// (if any) can then be neither checked nor written elsewhere.
    /// </summary>
    public string? BaseDirectory { get; }

    /// <summary>Index in <c>graph.node</c> of op <paramref name="op"/> (equal to <paramref name="op"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such op.</exception>
    public int NodeIndex(int op)
    {
        Guard.InRange(op, Graph.OpCount, nameof(op), "Op");
        return checked((int)Graph.OpId(op));
    }
}
