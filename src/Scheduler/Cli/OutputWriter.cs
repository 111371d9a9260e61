using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Formats.Onnx;

namespace Scheduler.Cli;

/// <summary>Writes a schedule: the reordered graph (.json, .onnx), a DOT picture (.dot) or the order as node ids, always atomically.</summary>
public static class OutputWriter
{
    /// <summary>Writes <paramref name="order"/> of <paramref name="graph"/> (read from <paramref name="sourcePath"/>) to
    /// <paramref name="outPath"/>; <paramref name="onnx"/> says how an ONNX output treats external data, and a DOT picture
    /// draws step memory under <paramref name="memory"/> (null: the default model).</summary>
    /// <exception cref="GraphFormatException">An ONNX output was asked for a graph that is not an ONNX model, or the
    /// model's external data cannot be referenced from the output's folder.</exception>
    public static void Write(string outPath, string sourcePath, ComputationGraph graph, IReadOnlyList<int> order, ImportOptions import, OnnxWriteOptions? onnx = null,
        MemoryModelOptions? memory = null)
    {
        MemoryModel.Validate(graph, order.ToArray());
        switch (Path.GetExtension(outPath).ToLowerInvariant())
        {
            case ".json":
                JsonGraphWriter.WriteFile(graph, outPath, order);
                break;
            case ".dot":
                AtomicFile.WriteAllText(outPath, DotWriter.Write(graph, order, memory));
                break;
            case ".onnx":
                if (!sourcePath.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
                {
                    throw new GraphFormatException($"{outPath}: an .onnx output needs an .onnx input, got {sourcePath}");
                }
                import.WriteOnnx(sourcePath, order, outPath, onnx);
                break;
            default:
                AtomicFile.WriteAllText(outPath, string.Join('\n', order.Select(op => graph.OpId(op))) + "\n");
                break;
        }
    }
}
