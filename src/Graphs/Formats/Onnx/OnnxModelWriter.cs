using Google.Protobuf;
using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// Writes an ONNX model back with only the order of graph.node changed, and any <c>metadata_props</c> entries that
/// <see cref="OnnxWriteOptions.Metadata"/> asks for set. Everything else (initializers, attributes,
/// value_info, opset imports, other metadata, unknown fields) is carried over as parsed; Google.Protobuf keeps unknown
/// fields, so fields newer than the generated onnx.proto survive too. The order is validated first and the file is
/// written atomically (<see cref="AtomicFile"/>), so a failure leaves no partial output.
/// <para>
/// External data (tensors whose bytes live in files named by a <c>location</c> relative to the model's folder): the
/// data files are never rewritten, and the written model must load from where it is written.
/// Into the source's folder, every location is kept. Into a folder that contains a data file (a folder above the
/// source's), that tensor's location becomes the path from the new folder. A data file outside the new folder cannot be
/// named at all, because ONNX forbids absolute locations and '..' (onnx's checker and <c>onnx.load</c> reject them,
/// and so does <see cref="OnnxGraphReader"/>): writing then fails with a <see cref="GraphFormatException"/> naming the
/// tensor and its location, unless <see cref="OnnxWriteOptions.CopyExternalData"/> asks to copy the file to the same
/// location beside the new model. Every check runs before anything is written; the copies are made (each atomically)
/// before the model, so a model is never written that points at data which is not there. (Python onnx was not
/// available to run <c>onnx.load</c> on written models; the tests check these rules and re-read the output instead.)
/// </para>
/// </summary>
public static class OnnxModelWriter
{
    /// <summary>Reads <paramref name="sourceModelPath"/>, reorders its nodes by <paramref name="order"/> (op indices,
    /// op i = graph.node[i]) and writes the result to <paramref name="outPath"/>.</summary>
    /// <exception cref="GraphFormatException">The source is missing or not an ONNX model, or its external data is
    /// broken or cannot be referenced from the output's folder (see the type's remarks).</exception>
    /// <exception cref="InvalidScheduleException">The order is not a valid topological order of the nodes.</exception>
    public static void Write(string sourceModelPath, ReadOnlySpan<int> order, string outPath, OnnxWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sourceModelPath);
        var proto = OnnxGraphReader.Load(sourceModelPath);
        Write(OnnxGraphReader.ReadStructure(proto, sourceModelPath), order, outPath, options);
    }

    /// <summary>Reorders the nodes of an already-read model and writes it to <paramref name="outPath"/>, with its
    /// external data locations made to resolve from the output's folder (see the type's remarks).</summary>
    /// <exception cref="GraphFormatException">The model has external data that is missing, or that cannot be referenced
    /// from the output's folder and copying was not asked for, or that the model came from
    /// <see cref="OnnxGraphReader.FromProto"/> (no folder to resolve it from).</exception>
    /// <exception cref="InvalidScheduleException">The order is not a valid topological order of the nodes.</exception>
    public static void Write(OnnxModel model, ReadOnlySpan<int> order, string outPath, OnnxWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outPath);
        options ??= OnnxWriteOptions.Default;
        var reordered = Reorder(model, order);
        SetMetadata(reordered, options.Metadata);
        var copies = OnnxExternalDataPlacement.Place(reordered, model, outPath, options);
        foreach (var (from, to) in copies)
        {
            AtomicFile.Write(to, tmp => File.Copy(from, tmp));
        }
        AtomicFile.Write(outPath, tmp =>
        {
            using var stream = File.Create(tmp);
            reordered.WriteTo(stream);
        });
    }

    /// <summary>A copy of the model whose graph.node is in <paramref name="order"/>; the input is not changed. External
    /// data locations are as in the source (still relative to its folder).</summary>
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

    private static void SetMetadata(ModelProto model, IEnumerable<KeyValuePair<string, string>> entries)
    {
        foreach (var (key, value) in entries)
        {
            var props = model.MetadataProps;
            for (int i = props.Count - 1; i >= 0; i--)
            {
                if (props[i].Key == key)
                {
                    props.RemoveAt(i);
                }
            }
            props.Add(new StringStringEntryProto { Key = key, Value = value });
        }
    }
}
