using Google.Protobuf;
using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// Reads an ONNX model (protobuf <c>ModelProto</c>) as a <see cref="ComputationGraph"/> (DESIGN §6 "Real graphs"):
/// <list type="bullet">
/// <item>node i of graph.node is op i (file id i, its name and op_type), Constant nodes included;</item>
/// <item>every value is a tensor of shape × element size bytes, shapes taken from graph.input, graph.output and
/// graph.value_info (shape-infer the model first), symbolic dims bound by <see cref="OnnxReadOptions.Dims"/>;</item>
/// <item>initializers and graph inputs are graph inputs: resident, graph inputs freeable with
/// <see cref="OnnxReadOptions.FreeableInputs"/>; graph outputs live to the end;</item>
/// <item>empty (omitted optional) input and output names are ignored; subgraphs (If/Loop/Scan attributes) are not
/// descended into, but outer values they capture count as uses of their node.</item>
/// </list>
/// Every problem is a <see cref="GraphFormatException"/> whose message starts with the file name.
/// </summary>
public static class OnnxGraphReader
{
    /// <summary>Reads the model at <paramref name="path"/> and its graph.</summary>
    /// <exception cref="GraphFormatException">The file is missing or unreadable, is not an ONNX model, or a value
    /// has no known size (naming the value and its producing node), is a string tensor, or is used but not defined;
    /// or the nodes form a cycle.</exception>
    public static OnnxModel Read(string path, OnnxReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var proto = Load(path);
        return Convert(proto, options ?? OnnxReadOptions.Default, path, Path.GetFileNameWithoutExtension(path), structureOnly: false);
    }

    /// <summary>Reads an already-parsed model; <paramref name="source"/> names it in messages and in
    /// <see cref="OnnxModel.Source"/>. The graph is named after <c>graph.name</c>.</summary>
    /// <exception cref="GraphFormatException">As for <see cref="Read"/>.</exception>
    public static OnnxModel FromProto(ModelProto model, OnnxReadOptions? options = null, string source = "<onnx>")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        return Convert(model, options ?? OnnxReadOptions.Default, source, model.Graph?.Name ?? "", structureOnly: false);
    }

    /// <summary>Parses the protobuf of <paramref name="path"/> without building a graph.</summary>
    /// <exception cref="GraphFormatException">The file is missing, unreadable or not an ONNX model.</exception>
    public static ModelProto Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ModelProto model;
        try
        {
            using var stream = File.OpenRead(path);
            model = ModelProto.Parser.ParseFrom(stream);
        }
        // InvalidProtocolBufferException is an IOException, so it is caught first.
        catch (InvalidProtocolBufferException ex)
        {
            throw new GraphFormatException($"{path}: not an ONNX model ({ex.Message})", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GraphFormatException($"{path}: cannot read the file ({ex.Message})", ex);
        }
        // Protobuf accepts many byte strings (unknown fields are kept), so also ask for what every model has.
        if (model.Graph is null || model.IrVersion <= 0)
        {
            throw new GraphFormatException($"{path}: not an ONNX model (no graph or no ir_version)");
        }
        return model;
    }

    /// <summary>The graph with every size 0: enough to validate an order, never fails on shapes.</summary>
    internal static OnnxModel ReadStructure(ModelProto model, string source)
        => Convert(model, OnnxReadOptions.Default, source, model.Graph?.Name ?? "", structureOnly: true);

    private static OnnxModel Convert(ModelProto model, OnnxReadOptions options, string source, string name, bool structureOnly)
    {
        try
        {
            return new OnnxModel(model, OnnxGraphBuilder.Build(model, options, structureOnly, name), source);
        }
        catch (GraphFormatException ex)
        {
            throw new GraphFormatException($"{source}: {ex.Message}", ex);
        }
        catch (CycleException ex)
        {
            throw new GraphFormatException($"{source}: {ex.Message}", ex);
        }
    }
}
