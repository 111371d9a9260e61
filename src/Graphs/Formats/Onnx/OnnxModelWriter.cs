using Google.Protobuf;
using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// Writes an ONNX model back with only the order of graph.node changed. Everything else (initializers, attributes,
/// value_info, opset imports, metadata, unknown fields) is carried over as parsed; Google.Protobuf keeps unknown
/// fields, so fields newer than the generated onnx.proto survive too. The order is validated first and the file is
/// written atomically (<see cref="AtomicFile"/>), so a failure leaves no partial output.
/// </summary>
public static class OnnxModelWriter
{
    /// <summary>Reads <paramref name="sourceModelPath"/>, reorders its nodes by <paramref name="order"/> (op indices,
    /// op i = graph.node[i]) and writes the result to <paramref name="outPath"/>.</summary>
    /// <exception cref="GraphFormatException">The source is missing or not an ONNX model.</exception>
    /// <exception cref="InvalidScheduleException">The order is not a valid topological order of the nodes.</exception>
    public static void Write(string sourceModelPath, ReadOnlySpan<int> order, string outPath)
    {
        ArgumentNullException.ThrowIfNull(sourceModelPath);
        var proto = OnnxGraphReader.Load(sourceModelPath);
        Write(OnnxGraphReader.ReadStructure(proto, sourceModelPath), order, outPath);
    }

    /// <summary>Reorders the nodes of an already-read model and writes it to <paramref name="outPath"/>.</summary>
    /// <exception cref="InvalidScheduleException">The order is not a valid topological order of the nodes.</exception>
    public static void Write(OnnxModel model, ReadOnlySpan<int> order, string outPath)
    {
        ArgumentNullException.ThrowIfNull(outPath);
        var reordered = Reorder(model, order);
        AtomicFile.Write(outPath, tmp =>
        {
            using var stream = File.Create(tmp);
            reordered.WriteTo(stream);
        });
    }

    /// <summary>A copy of the model whose graph.node is in <paramref name="order"/>; the input is not changed.</summary>
    /// <exception cref="InvalidScheduleException">The order is not a valid topological order of the nodes.</exception>
    public static ModelProto Reorder(OnnxModel model, ReadOnlySpan<int> order)
    {
        ArgumentNullException.ThrowIfNull(model);
        MemoryModel.Validate(model.Graph, order);
        var nodes = model.Proto.Graph.Node;
        // Clone first so the caller's model is untouched; initializer payloads are immutable ByteStrings and shared.
        var copy = model.Proto.Clone();
        var target = copy.Graph.Node;
        target.Clear();
        foreach (int op in order)
        {
            target.Add(nodes[model.NodeIndex(op)].Clone());
        }
        return copy;
    }
}
