using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// Makes the external data of a model that is about to be written somewhere else resolve from its new folder (the
/// policy of <see cref="OnnxModelWriter"/>):
/// <list type="number">
/// <item>same folder as the source: every location is kept as it is;</item>
/// <item>a data file that lies inside the new folder (the output goes to a folder above the source's): its location
/// is rewritten to the path from the new folder, with '/' separators;</item>
/// <item>a data file outside the new folder: ONNX forbids absolute locations and '..' (onnx's checker and
/// <c>onnx.load</c> reject them), so no location can name it; with <see cref="OnnxWriteOptions.CopyExternalData"/> the
/// file is copied to the same location under the new folder, otherwise writing fails.</item>
/// </list>
/// Everything is checked before anything is written, and nothing reads the data itself except a requested copy.
/// </summary>
internal static class OnnxExternalDataPlacement
{
    /// <summary>
    /// Rewrites the locations in <paramref name="copy"/> (a clone of <paramref name="source"/>'s proto, about to be
    /// written to <paramref name="outPath"/>) and returns the data files to copy first (full paths, from → to).
    /// </summary>
    /// <exception cref="GraphFormatException">A data file is missing or malformed, cannot be named from the new folder
    /// and copying was not asked for, the source's folder is unknown, or the output or a copy would overwrite a data
    /// file the model uses.</exception>
    public static List<(string From, string To)> Place(ModelProto copy, OnnxModel source, string outPath, OnnxWriteOptions options)
    {
        var tensors = OnnxExternalData.Find(copy, source.Source);
        if (tensors.Count == 0)
        {
            return [];
        }
        if (source.BaseDirectory is not string folder)
        {
            throw new GraphFormatException($"{outPath}: {OnnxExternalData.Describe(source.Source, tensors[0])}, but the model was "
                + "not read from a file, so that location cannot be resolved; read it with OnnxGraphReader.Read(path)");
        }
        string outFull = Path.GetFullPath(outPath);
        string outFolder = OnnxExternalData.FolderOf(outFull);
        // Re-resolve: the files may have changed since the model was read (scheduling takes a while).
        var files = tensors.Select(t => OnnxExternalData.Resolve(t, folder, source.Source)).ToList();
        var used = new HashSet<string>(files, OnnxExternalData.PathComparer);
        if (used.Contains(outFull))
        {
            throw new GraphFormatException($"{outPath}: writing the model there would overwrite a data file it uses; choose another output name");
        }
        if (OnnxExternalData.SameFolder(folder, outFolder))
        {
            return [];
        }
        var copies = new Dictionary<string, string>(OnnxExternalData.PathComparer); // to → from
        for (int i = 0; i < tensors.Count; i++)
        {
            if (OnnxExternalData.IsInside(outFolder, files[i]))
            {
                tensors[i].LocationEntry.Value = Path.GetRelativePath(outFolder, files[i]).Replace(Path.DirectorySeparatorChar, '/');
                continue;
            }
            if (!options.CopyExternalData)
            {
                throw Unreachable(outPath, source.Source, tensors[i], files[i], folder, outFolder);
            }
            string to = Path.GetFullPath(Path.Combine(outFolder, tensors[i].Location));
            if (copies.TryGetValue(to, out string? other) && !OnnxExternalData.PathComparer.Equals(other, files[i]))
            {
                throw new GraphFormatException($"{outPath}: cannot copy both {other} and {files[i]} to {to}");
            }
            copies[to] = files[i];
        }
        foreach (string to in copies.Keys)
        {
            if (used.Contains(to) || OnnxExternalData.PathComparer.Equals(to, outFull))
            {
                throw new GraphFormatException($"{outPath}: copying external data to {to} would overwrite a file the model uses; choose another output folder");
            }
        }
        return copies.Select(kv => (kv.Value, kv.Key)).ToList();
    }

    private static GraphFormatException Unreachable(string outPath, string source, ExternalTensor t, string file, string folder, string outFolder)
        => new($"{outPath}: cannot write the model into {outFolder}: {OnnxExternalData.Describe(source, t)} ({file}), outside that "
            + "folder, and ONNX loads external data only from inside the model's folder (no absolute paths, no '..'); write the "
            + $"output into {folder} or a folder above it, or copy the data beside it with --copy-external-data");
}
