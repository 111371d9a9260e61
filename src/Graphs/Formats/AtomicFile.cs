namespace Scheduler.Graphs.Formats;

/// <summary>Writes files so that readers see either the old content or the complete new one, never a partial file.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="contents"/> to a temp file beside <paramref name="path"/>, then renames it.</summary>
    public static void WriteAllText(string path, string contents)
        => Write(path, tmp => File.WriteAllText(tmp, contents));

    /// <summary>Writes bytes atomically.</summary>
    public static void WriteAllBytes(string path, byte[] contents)
        => Write(path, tmp => File.WriteAllBytes(tmp, contents));

    /// <summary>Lets <paramref name="write"/> fill a temp file, then moves it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        string tmp = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            write(tmp);
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }
        }
    }
}
