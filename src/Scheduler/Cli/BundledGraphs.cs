using Scheduler.Pass.Compare;
using Scheduler.Graphs.Models;

namespace Scheduler.Cli;

/// <summary>The default inputs of <c>compare</c>: the bundled layered test sets and the built-in model graphs.</summary>
public static class BundledGraphs
{
    /// <summary>Folders under datasets/ that the default comparison runs.</summary>
    public static IReadOnlyList<string> DatasetFolders { get; } = ["layered-100", "layered-500", "layered-1000", "layered-2000", "irregular", "real"];

    /// <summary>Loads the bundled datasets (and, when asked, the model graphs).</summary>
    public static List<NamedGraph> Load(bool includeModels)
    {
        string root = DatasetsRoot();
        var folders = DatasetFolders.Select(f => Path.Combine(root, f)).Where(Directory.Exists).ToList();
        var graphs = GraphLoader.LoadAll(folders, ImportOptions.Default);
        if (includeModels)
        {
            graphs.AddRange(ModelGraphs());
        }
        return graphs;
    }

    /// <summary>The bundled datasets folder: next to the executable, else found by walking up to the repository.</summary>
    /// <exception cref="UsageException">No datasets folder can be found.</exception>
    public static string DatasetsRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets");
            if (Directory.Exists(Path.Combine(candidate, "layered-500")))
            {
                return candidate;
            }
        }
        throw new UsageException("cannot find the bundled datasets folder (datasets/layered-500) next to the program or above it");
    }

    private static IEnumerable<NamedGraph> ModelGraphs()
        => ModelZoo.DefaultCompareSet.Select(spec => new NamedGraph("models", spec.Name, spec.Build()));
}
