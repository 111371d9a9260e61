using System.Text;

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
    public static string ReadAllText(string path) => Read(path, File.ReadAllText);

    /// <summary>
    /// The whole file as UTF-8 bytes, without a byte order mark: what <c>System.Text.Json</c> parses directly. Half the
    /// memory of <see cref="ReadAllText"/> (a string is UTF-16) and no transcoding — a 75 MB graph file is not held
    /// three times over. A file with a UTF-16 or UTF-32 byte order mark is decoded and re-encoded, as
    /// <see cref="File.ReadAllText(string)"/> would read it.
    /// </summary>
    /// <exception cref="GraphFormatException">The file is missing, cannot be read, or is over <see cref="MaxTextBytes"/>.</exception>
    public static ReadOnlyMemory<byte> ReadUtf8(string path)
    {
        byte[] bytes = Read(path, File.ReadAllBytes);
        ReadOnlySpan<byte> start = bytes.AsSpan(0, Math.Min(4, bytes.Length));
        if (start.StartsWith(Encoding.UTF8.Preamble))
        {
            return bytes.AsMemory(3);
        }
        if (start.StartsWith(Encoding.Unicode.Preamble) || start.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return Encoding.UTF8.GetBytes(reader.ReadToEnd());
        }
        return bytes;
    }

    private static T Read<T>(string path, Func<string, T> read)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            long length = new FileInfo(path).Length;
            if (length > MaxTextBytes)
            {
                throw new GraphFormatException($"{path}: the file is {length} bytes; text inputs are read whole, up to {MaxTextBytes} bytes");
            }
            return read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GraphFormatException($"{path}: cannot read the file ({ex.Message})", ex);
        }
    }
}
