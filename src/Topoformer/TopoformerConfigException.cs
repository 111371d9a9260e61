namespace Scheduler.Topoformer;

/// <summary>A YAML file (training config, model card) or a checkpoint that cannot be used; the message names the
/// file and, where known, the key and line.</summary>
public sealed class TopoformerConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TopoformerConfigException(string filePath, string message, string? key = null, int? line = null, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = filePath;
        Key = key;
        Line = line;
    }

    /// <summary>The offending file.</summary>
    public string FilePath { get; }

    /// <summary>The offending key, when one is to blame.</summary>
    public string? Key { get; }

    /// <summary>1-based line of the problem, when known.</summary>
    public int? Line { get; }
}
