using System.Collections.Immutable;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>How <see cref="OnnxModelWriter"/> handles a model whose tensors keep their data in external files, and what
/// it adds to the model's <c>metadata_props</c>.</summary>
public sealed record OnnxWriteOptions
{
    /// <summary>
    /// When the output goes to a folder from which the source's data files cannot be named (ONNX only loads external
    /// data from inside the model's folder), copy those files beside the new model, at the same locations, instead of
    /// failing; from <c>--copy-external-data</c>. A copy replaces a file of the same name there. Off by default: the
    /// files of a large model are many gigabytes.
    /// </summary>
    public bool CopyExternalData { get; init; }

    /// <summary>Entries to set in the written model's <c>metadata_props</c> (an entry with the same key in the source is
    /// replaced; the others are kept); empty by default. <c>schedule --arena --out M.onnx</c> puts the arena plan here
    /// (<see cref="ArenaJsonWriter.MetadataProps"/>).</summary>
    public ImmutableArray<KeyValuePair<string, string>> Metadata { get; init; } = [];

    /// <summary>Options with every default: external data is referenced, never copied.</summary>
    public static OnnxWriteOptions Default { get; } = new();
}
