namespace Scheduler.Graphs.Formats;

/// <summary>Reads input files so that a missing or unreadable file is bad input naming the path, not an internal error.</summary>
public static class InputFile
{
    /// <summary>The whole file as text.</summary>
    /// <exception cref="GraphFormatException">The file is missing or cannot be read.</exception>
    public static string ReadAllText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GraphFormatException($"{path}: cannot read the file ({ex.Message})", ex);
        }
    }
}
