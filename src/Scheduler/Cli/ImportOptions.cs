using System.Collections.Immutable;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats.Onnx;

namespace Scheduler.Cli;

/// <summary>How real models are imported: symbolic dimensions, a default for unknown sizes, freeable graph inputs.</summary>
/// <param name="Dims">Values for symbolic dimensions (<c>--dim name=value</c>).</param>
/// <param name="UnknownSizeBytes">Size for values whose shape is unknown (<c>--unknown-size</c>); null makes them an error.</param>
/// <param name="FreeableInputs">Graph inputs are freed after their last use instead of staying resident.</param>
public sealed record ImportOptions(IReadOnlyDictionary<string, long> Dims, long? UnknownSizeBytes, bool FreeableInputs)
{
    /// <summary>No dims, unknown sizes are errors, inputs resident.</summary>
    public static ImportOptions Default { get; } = new(new Dictionary<string, long>(), null, false);

    /// <summary>Op types read as views (<c>--view-ops</c>): of input 0 in ONNX, of the one same-size input in JSON. Null:
    /// ONNX uses <see cref="MemoryModelOptions.DefaultViewOps"/>, JSON only its own <c>alias_of</c> marks.</summary>
    public ImmutableHashSet<string>? ViewOps { get; init; }

    /// <summary>The ONNX reader's options.</summary>
    public OnnxReadOptions Onnx => new()
    {
        Dims = Dims.ToImmutableDictionary(StringComparer.Ordinal),
        UnknownSizeBytes = UnknownSizeBytes,
        FreeableInputs = FreeableInputs,
        ViewOps = ViewOps ?? MemoryModelOptions.DefaultViewOps,
    };

    /// <summary>Reads an ONNX model with these options.</summary>
    /// <exception cref="GraphFormatException">The model cannot be read.</exception>
    public ComputationGraph ReadOnnx(string path) => OnnxGraphReader.Read(path, Onnx).Graph;

    /// <summary>Writes the ONNX model at <paramref name="sourcePath"/> with its nodes in <paramref name="order"/>; external
    /// data is handled by <paramref name="write"/> (see <see cref="OnnxModelWriter"/>).</summary>
    /// <exception cref="GraphFormatException">The model cannot be read or written, or its external data cannot be
    /// referenced from the output's folder.</exception>
    public void WriteOnnx(string sourcePath, IReadOnlyList<int> order, string outPath, OnnxWriteOptions? write = null)
        => OnnxModelWriter.Write(OnnxGraphReader.Read(sourcePath, Onnx), order.ToArray(), outPath, write);
}
