using System.Collections.Immutable;
using System.Globalization;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// How <see cref="OnnxGraphReader"/> turns an ONNX model into a <see cref="ComputationGraph"/>: values for symbolic
/// dims, a fallback size for values whose shape is unknown, and whether graph inputs are freeable.
/// </summary>
public sealed record OnnxReadOptions
{
    /// <summary>Values for symbolic dims (<c>dim_param</c>), e.g. <c>batch → 1</c>; from <c>--dim name=value</c>.</summary>
    public ImmutableDictionary<string, long> Dims { get; init; } = ImmutableDictionary<string, long>.Empty;

    /// <summary>
    /// Bytes to assume for a value whose shape, rank, element type or some dim is unknown; from
    /// <c>--unknown-size</c>. Null (the default) makes such a value an error that names it and its producer.
    /// </summary>
    public long? UnknownSizeBytes { get; init; }

    /// <summary>
    /// When true, graph inputs that are not initializers are freeable (live until their last consumer) instead of
    /// resident; from <c>--freeable-inputs</c>. Initializers (weights) stay resident either way.
    /// </summary>
    public bool FreeableInputs { get; init; }

    /// <summary>
    /// Op types whose single output the reader marks as a view of input 0 (<see cref="ComputationGraph.AliasOf"/>;
    /// honoured under <see cref="MemoryModelOptions.Views"/>); from <c>--view-ops</c>. Default:
    /// <see cref="MemoryModelOptions.DefaultViewOps"/> (Reshape, Flatten, Squeeze, Unsqueeze, Identity). A node is only
    /// marked when its output is no larger than that input.
    /// </summary>
    public ImmutableHashSet<string> ViewOps { get; init; } = MemoryModelOptions.DefaultViewOps;

    /// <summary>Options with every default: no dims bound, unknown sizes are errors, inputs resident.</summary>
    public static OnnxReadOptions Default { get; } = new();

    /// <summary>Returns a copy with the dims of <paramref name="specs"/> (each <c>name=value</c>) added.</summary>
    /// <exception cref="ArgumentException">A spec is not <c>name=value</c> with a non-negative integer value.</exception>
    public OnnxReadOptions WithDims(IEnumerable<string> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var dims = Dims.ToBuilder();
        foreach (string spec in specs)
        {
            var (name, value) = ParseDim(spec);
            dims[name] = value;
        }
        return this with { Dims = dims.ToImmutable() };
    }

    /// <summary>Parses one <c>name=value</c> dim binding.</summary>
    /// <exception cref="ArgumentException">The spec has no '=', an empty name, or a value that is not a non-negative
    /// integer.</exception>
    public static (string Name, long Value) ParseDim(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int eq = spec.LastIndexOf('=');
        string name = eq > 0 ? spec[..eq].Trim() : "";
        if (name.Length == 0 || !long.TryParse(spec[(eq + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            throw new ArgumentException($"Dim binding '{spec}' must look like name=value with a non-negative integer value.", nameof(spec));
        }
        return (name, value);
    }
}
