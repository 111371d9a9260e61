using Google.Protobuf;
using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// Reads an ONNX model (protobuf <c>ModelProto</c>) as a <see cref="ComputationGraph"/> (docs/DESIGN.md §3.2):
/// <list type="bullet">
/// <item>node i of graph.node is op i (file id i, its name and op_type), Constant nodes included;</item>
/// <item>every value is a tensor of shape × element size bytes, shapes taken from graph.input, graph.output and
/// graph.value_info (shape-infer the model first), symbolic dims bound by <see cref="OnnxReadOptions.Dims"/>;</item>
/// <item>initializers and graph inputs are graph inputs: resident, graph inputs freeable with
/// <see cref="OnnxReadOptions.FreeableInputs"/>; graph outputs live to the end;</item>
/// <item>empty (omitted optional) input and output names are ignored; subgraphs (If/Loop/Scan attributes) are not
/// descended into, but outer values they capture count as uses of their node;</item>
/// <item>external data (every model over protobuf's 2 GiB limit, so every LLM): a stored tensor (initializer, Constant
/// value) is sized from its dims and data type, never from its payload, so raw_data and the external files are never
/// read. <see cref="Read"/> and <see cref="Load"/> check each external <c>location</c>: relative, not leading out of the
/// model file's folder with '..', naming an existing file that holds <c>offset</c> + <c>length</c> bytes (only its size is
/// read). <see cref="FromProto"/> has no folder and checks nothing.</item>
/// </list>
/// Every problem is a <see cref="GraphFormatException"/> whose message starts with the file name.
/// </summary>
public static class OnnxGraphReader
{
    /// <summary>Reads the model at <paramref name="path"/> and its graph.</summary>
    /// <exception cref="GraphFormatException">The file is missing or unreadable, is not an ONNX model, has external
    /// data that does not resolve (naming the tensor and its location), or a value has no known size (naming the value
    /// and its producing node), is a string tensor, or is used but not defined; or the nodes form a cycle.</exception>
    public static OnnxModel Read(string path, OnnxReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var proto = Load(path);
        return Convert(proto, options ?? OnnxReadOptions.Default, path, Path.GetFileNameWithoutExtension(path), OnnxExternalData.FolderOf(path), structureOnly: false);
    }

    /// <summary>Reads an already-parsed model; <paramref name="source"/> names it in messages and in
    /// <see cref="OnnxModel.Source"/>. The graph is named after <c>graph.name</c>. External data locations are not
    /// checked (there is no model folder), and the model cannot be written to a file while it has any.</summary>
    /// <exception cref="GraphFormatException">As for <see cref="Read"/>.</exception>
    public static OnnxModel FromProto(ModelProto model, OnnxReadOptions? options = null, string source = "<onnx>")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        return Convert(model, options ?? OnnxReadOptions.Default, source, model.Graph?.Name ?? "", baseDirectory: null, structureOnly: false);
    }

    /// <summary>Parses the protobuf of <paramref name="path"/> without building a graph, and checks its external data
    /// locations (see the type's remarks).</summary>
    /// <exception cref="GraphFormatException">The file is missing, unreadable, over 2 GiB or not an ONNX model, or an
    /// external data location is absolute, leads out of the model's folder, names no file, or has an offset or length
    /// past the file's end (the message names the file, the tensor and the location).</exception>
    public static ModelProto Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ModelProto model;
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > int.MaxValue)
            {
                throw new GraphFormatException($"{path}: the file is {stream.Length} bytes, over protobuf's 2 GiB limit for one message; "
                    + "save the model with its weights in external data (onnx.save_model(model, path, save_as_external_data=True))");
            }
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
        OnnxExternalData.Validate(model, path);
        return model;
    }

    /// <summary>The graph with every size 0: enough to validate an order, never fails on shapes.</summary>
    internal static OnnxModel ReadStructure(ModelProto model, string path)
        => Convert(model, OnnxReadOptions.Default, path, model.Graph?.Name ?? "", OnnxExternalData.FolderOf(path), structureOnly: true);

    private static OnnxModel Convert(ModelProto model, OnnxReadOptions options, string source, string name, string? baseDirectory, bool structureOnly)
    {
        try
        {
            return new OnnxModel(model, OnnxGraphBuilder.Build(model, options, structureOnly, name), source, baseDirectory);
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
