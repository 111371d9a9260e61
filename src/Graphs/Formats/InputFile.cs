namespace Scheduler.Graphs.Formats;

/// <summary>Reads input files so that a missing, unreadable or oversized file is bad input naming the path, not an
/// internal error.</summary>
public static class InputFile
{
    /// <summary>Largest text file read whole (graph JSON, YAML configs): 10^9 bytes. A .NET string holds just under
    /// 2^30 characters, so a file near 1 GiB could not be read as one; ONNX models are read as protobuf, up to 2 GiB.</summary>
    public const long MaxTextBytes = 1_000_000_000;

    /// <summary>The whole file as text.</summary>
    /// <exception cref="GraphFormatException">The file is missing, cannot be read, or is over <see cref="MaxTextBytes"/>.</exception>
    public static string ReadAllText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            long length = new FileInfo(path).Length;
            if (length > MaxTextBytes)
            {
                throw new GraphFormatException($"{path}: the file is {length} bytes; text inputs are read whole, up to {MaxTextBytes} bytes");
            }
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GraphFormatException($"{path}: cannot read the file ({ex.Message})", ex);
        }
    }
}
