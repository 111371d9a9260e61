using Scheduler.Graphs;

namespace Scheduler.Cli;

/// <summary>How real models are imported: symbolic dimensions, a default for unknown sizes, freeable graph inputs.</summary>
/// <param name="Dims">Values for symbolic dimensions (<c>--dim name=value</c>).</param>
/// <param name="UnknownSizeBytes">Size for values whose shape is unknown (<c>--unknown-size</c>); null makes them an error.</param>
/// <param name="FreeableInputs">Graph inputs are freed after their last use instead of staying resident.</param>
public sealed record ImportOptions(IReadOnlyDictionary<string, long> Dims, long? UnknownSizeBytes, bool FreeableInputs)
{
    /// <summary>No dims, unknown sizes are errors, inputs resident.</summary>
    public static ImportOptions Default { get; } = new(new Dictionary<string, long>(), null, false);

    /// <summary>Reads an ONNX model with these options.</summary>
    /// <exception cref="GraphFormatException">The model cannot be read.</exception>
    public ComputationGraph ReadOnnx(string path)
        => throw new GraphFormatException($"{path}: ONNX import is not available in this build");

    /// <summary>Writes the ONNX model at <paramref name="sourcePath"/> with its nodes in <paramref name="order"/>.</summary>
    /// <exception cref="GraphFormatException">The model cannot be written.</exception>
    public void WriteOnnx(string sourcePath, IReadOnlyList<int> order, string outPath)
        => throw new GraphFormatException($"{outPath}: ONNX export is not available in this build");
}
