namespace Scheduler.Cli;

/// <summary>
/// Checks output paths before any work is done, so a mistyped one costs nothing: a file output (<c>schedule --out</c>,
/// <c>models export --out</c>) goes into a folder that must already exist; a folder output (<c>generate --out</c>,
/// <c>train --out</c>, <c>compare --report</c>) is created when missing, but never inside a file.
/// </summary>
public static class OutputPaths
{
    /// <summary>Checks that <paramref name="path"/> can be written as a file.</summary>
    /// <exception cref="UsageException">The path is a folder, its folder is missing, or a file stands where a folder should.</exception>
    public static void CheckFile(string flag, string path)
    {
        string full = Full(flag, path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{flag} {path}: is a folder; give a file name");
        }
        string dir = Path.GetDirectoryName(full) ?? ".";
        if (FileOnTheWay(dir) is string file)
        {
            throw new UsageException($"{flag} {path}: {file} is a file, not a folder");
        }
        if (!Directory.Exists(dir))
        {
            throw new UsageException($"{flag} {path}: the folder {dir} does not exist; create it first");
        }
    }

    /// <summary>Checks that <paramref name="path"/> is or can become a folder.</summary>
    /// <exception cref="UsageException">The path or one of the folders above it is a file.</exception>
    public static void CheckFolder(string flag, string path)
    {
        if (FileOnTheWay(Full(flag, path)) is string file)
        {
            throw new UsageException($"{flag} {path}: {file} is a file, not a folder");
        }
    }

    /// <summary>The first existing path from <paramref name="dir"/> upwards that is a file, or null.</summary>
    private static string? FileOnTheWay(string dir)
    {
        for (string? d = dir; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
        {
            if (File.Exists(d))
            {
                return d;
            }
            if (Directory.Exists(d))
            {
                return null;
            }
        }
        return null;
    }

    private static string Full(string flag, string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{flag}: '{path}' is not a usable path ({ex.Message})");
        }
    }
}
