using System.Collections.Concurrent;
using Scheduler.Topoformer.Model;

namespace Scheduler.Topoformer;

/// <summary>
/// Finds the shipped checkpoint and loads each checkpoint once per process (cached by full path).
/// </summary>
public static class ModelStore
{
    /// <summary>Where the shipped checkpoint lives, relative to the application folder or the repository root.</summary>
    public static readonly string ShippedRelativePath = Path.Combine("models", "topoformer");

    private static readonly ConcurrentDictionary<string, Lazy<TopoformerNetwork>> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The shipped checkpoint folder: <c>AppContext.BaseDirectory/models/topoformer</c> when it holds weights (the CLI
    /// output gets a copy), else the first <c>models/topoformer</c> found walking up from there (a repository checkout).
    /// </summary>
    /// <exception cref="FileNotFoundException">No shipped checkpoint was found.</exception>
    public static string ResolveShipped()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, ShippedRelativePath);
            if (File.Exists(Path.Combine(candidate, TopoformerCheckpoint.WeightsFile)))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(
            $"No Topoformer checkpoint found in {ShippedRelativePath} next to {AppContext.BaseDirectory} or above it; "
            + "pass a model path or train one with `scheduler train`.");
    }

    /// <summary>The network of <paramref name="path"/> (or of the shipped checkpoint when null), loaded once. The path
    /// is resolved exactly (<see cref="TopoformerCheckpoint.ResolveFolder"/>): no other checkpoint is ever used instead.</summary>
    /// <exception cref="TopoformerConfigException">The path names no checkpoint, or the checkpoint is unusable.</exception>
    /// <exception cref="FileNotFoundException">The path is null and no shipped checkpoint was found.</exception>
    public static TopoformerNetwork Get(string? path)
    {
        string full = TopoformerCheckpoint.ResolveFolder(path ?? ResolveShipped());
        var lazy = Cache.GetOrAdd(full, p => new Lazy<TopoformerNetwork>(() => TopoformerCheckpoint.Load(p)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Cache.TryRemove(full, out _); // a fixed file may be loaded on the next call
            throw;
        }
    }
}
