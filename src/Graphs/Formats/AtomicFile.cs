using System.Text.RegularExpressions;

namespace Scheduler.Graphs.Formats;

/// <summary>
/// Writes files so that readers see either the old content or the complete new one, never a partial file: the
/// content goes to a temp file in the same folder (<c>.NAME.GUID.tmp</c>, hidden on Unix), which is then renamed over
/// the target. A writer killed between the two leaves its temp file behind; the next write of the same target
/// removes such leftovers once they are <see cref="StaleAfter"/> old. A missing folder of the target is created (the
/// library writes checkpoints and reports into fresh folders); the CLI refuses a missing folder for a file output
/// before anything runs (<c>Cli.OutputPaths</c>), so a mistyped path there is an error, not a new directory.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>Age (since its last write) after which another writer's temp file of the same target counts as left
    /// by a killed process. Generous, so a slow writer still copying (large ONNX external data) is never touched.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

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
        string dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        string name = Path.GetFileName(full);
        RemoveStaleTemps(dir, name, DateTime.UtcNow - StaleAfter);
        string tmp = Path.Combine(dir, $".{name}.{Guid.NewGuid():N}.tmp");
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

    /// <summary>True when <paramref name="fileName"/> is the name of a temp file of a write to <paramref name="targetName"/>.</summary>
    public static bool IsTempOf(string fileName, string targetName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(targetName);
        return fileName.Length == targetName.Length + 38
            && fileName.StartsWith($".{targetName}.", StringComparison.Ordinal)
            && TempSuffix().IsMatch(fileName.AsSpan(targetName.Length + 2));
    }

    /// <summary>
    /// Removes every temp file of a write to <paramref name="path"/>, whatever its age: for a writer that holds the
    /// target exclusively (a lock), so that no other write to it can be in flight and any temp is a killed write's.
    /// </summary>
    public static void RemoveTemps(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        if (Directory.Exists(dir))
        {
            RemoveStaleTemps(dir, Path.GetFileName(full), DateTime.MaxValue);
        }
    }

    private static void RemoveStaleTemps(string dir, string name, DateTime before)
    {
        foreach (string f in Directory.EnumerateFiles(dir, ".*.tmp"))
        {
            if (!IsTempOf(Path.GetFileName(f), name))
            {
                continue;
            }
            try
            {
                if (File.GetLastWriteTimeUtc(f) < before)
                {
                    File.Delete(f);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: a leftover that cannot be removed (another writer just did, or it is not ours to delete)
                // must not fail this write.
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.tmp$")]
    private static partial Regex TempSuffix();
}
