using Scheduler.Pass.Compare;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;

namespace Scheduler.Cli;

/// <summary>Loads graphs named on the command line: JSON graph files, ONNX models, or folders of them.</summary>
public static class GraphLoader
{
    /// <summary>Loads one graph file by its extension.</summary>
    /// <exception cref="GraphFormatException">The file is missing, of an unknown kind, or invalid.</exception>
    public static ComputationGraph Load(string path, ImportOptions import)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new GraphFormatException($"{path}: no such file");
        }
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => JsonGraphReader.ReadFile(path, import.ViewOps),
            ".onnx" => import.ReadOnnx(path),
            _ => throw new GraphFormatException($"{path}: unknown graph format (expected .json or .onnx)"),
        };
    }

    /// <summary>Expands files and folders (sorted *.json and *.onnx files; the folder name is the dataset).</summary>
    /// <exception cref="GraphFormatException">A path does not exist or a file is invalid.</exception>
    public static List<NamedGraph> LoadAll(IEnumerable<string> paths, ImportOptions import)
    {
        var graphs = new List<NamedGraph>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                string dataset = new DirectoryInfo(path).Name;
                var files = Directory.EnumerateFiles(path)
                    .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                graphs.AddRange(files.Select(f => new NamedGraph(dataset, Path.GetFileNameWithoutExtension(f), Load(f, import))));
            }
            else
            {
                graphs.Add(new NamedGraph("files", Path.GetFileNameWithoutExtension(path), Load(path, import)));
            }
        }
        return graphs;
    }
}
