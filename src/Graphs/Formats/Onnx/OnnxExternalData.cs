using System.Globalization;
using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// The external data of an ONNX model (onnx/docs/ExternalData.md): a tensor with <c>data_location = EXTERNAL</c> keeps
/// its bytes in a file named by its <c>location</c> entry, a path relative to the folder of the model file, from
/// <c>offset</c> (default 0) for <c>length</c> bytes (default: to the end). The checks are the ones onnx's checker and
/// <c>onnx.load</c> make: the location is relative, does not lead out of the model's folder (no <c>..</c> escape), names
/// an existing file, and offset and length lie within it. Only file sizes are read, never the data: external data is how
/// models over protobuf's 2 GiB limit are stored, so the files may be far larger than memory.
/// </summary>
internal static class OnnxExternalData
{
    /// <summary>How this file system compares paths.</summary>
    public static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The externally stored tensors of <paramref name="model"/>, parsed.</summary>
    /// <exception cref="GraphFormatException">A tensor has no location, or an offset or length that is not a
    /// non-negative integer; the message starts with <paramref name="modelPath"/>.</exception>
    public static List<ExternalTensor> Find(ModelProto model, string modelPath)
    {
        var result = new List<ExternalTensor>();
        foreach (var stored in OnnxStoredTensors.Of(model))
        {
            if (stored.Tensor.DataLocation == TensorProto.Types.DataLocation.External)
            {
                result.Add(Parse(stored, modelPath));
            }
        }
        return result;
    }

    /// <summary>Checks every external tensor of <paramref name="model"/>, read from <paramref name="modelPath"/>.</summary>
    /// <exception cref="GraphFormatException">As for <see cref="Find"/> and <see cref="Resolve"/>.</exception>
    public static void Validate(ModelProto model, string modelPath)
    {
        string folder = FolderOf(modelPath);
        foreach (var t in Find(model, modelPath))
        {
            Resolve(t, folder, modelPath);
        }
    }

    /// <summary>The full path of the file holding <paramref name="t"/>'s data, a model in <paramref name="folder"/>.</summary>
    /// <exception cref="GraphFormatException">The location is absolute, leads out of <paramref name="folder"/>, names
    /// no file, or offset/length run past the file's end; the message names <paramref name="modelPath"/>, the tensor
    /// and the location.</exception>
    public static string Resolve(ExternalTensor t, string folder, string modelPath)
    {
        if (Path.IsPathRooted(t.Location))
        {
            throw Error(modelPath, t, $"is an absolute path; ONNX needs a path relative to the model's folder {folder}");
        }
        string full = Path.GetFullPath(Path.Combine(folder, t.Location));
        if (!IsInside(folder, full))
        {
            throw Error(modelPath, t, $"resolves to {full}, outside the model's folder {folder}; ONNX does not allow '..' out of it");
        }
        if (!File.Exists(full))
        {
            throw Error(modelPath, t, Directory.Exists(full) ? $"is a folder ({full}), not a file" : $"does not exist (looked for {full})");
        }
        long size;
        try
        {
            size = new FileInfo(full).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GraphFormatException($"{Describe(modelPath, t)}, which cannot be read ({ex.Message})", ex);
        }
        long offset = t.Offset ?? 0;
        if (offset > size)
        {
            throw Error(modelPath, t, $"has {Num(size)} bytes, but the data starts at offset {Num(offset)}, past its end");
        }
        if (t.Length is long length && length > size - offset)
        {
            throw Error(modelPath, t, $"has {Num(size)} bytes, but offset {Num(offset)} + length {Num(length)} runs past its end");
        }
        return full;
    }

    /// <summary>The full path of the folder holding the file <paramref name="path"/>.</summary>
    public static string FolderOf(string path)
    {
        string full = Path.GetFullPath(path);
        return Path.GetDirectoryName(full) ?? Path.GetPathRoot(full) ?? full;
    }

    /// <summary>Whether <paramref name="full"/> lies inside <paramref name="folder"/> (both full paths).</summary>
    public static bool IsInside(string folder, string full)
    {
        string relative = Path.GetRelativePath(folder, full);
        return !Path.IsPathRooted(relative) && relative != ".."
            && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !relative.StartsWith(".." + Path.AltDirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Whether two full folder paths name the same folder (textually, by this file system's case rule).</summary>
    public static bool SameFolder(string a, string b)
        => PathComparer.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b));

    /// <summary>"model.onnx: initializer 'w' has its data in external file 'weights.bin'": the start of every message.</summary>
    public static string Describe(string modelPath, ExternalTensor t)
        => $"{modelPath}: {t.Where.Owner} has its data in external file '{t.Location}'";

    private static ExternalTensor Parse(StoredTensor stored, string modelPath)
    {
        // Later entries win, as in onnx's ExternalDataInfo; unknown keys (checksum, basepath) are kept but not used.
        StringStringEntryProto? location = null;
        long? offset = null, length = null;
        foreach (var e in stored.Tensor.ExternalData)
        {
            switch (e.Key)
            {
                case "location":
                    location = e;
                    break;
                case "offset":
                    offset = Number(e, stored, modelPath);
                    break;
                case "length":
                    length = Number(e, stored, modelPath);
                    break;
            }
        }
        if (location is null || location.Value.Length == 0)
        {
            throw new GraphFormatException(
                $"{modelPath}: {stored.Owner} is stored externally (data_location EXTERNAL) but its external_data has no 'location'");
        }
        return new ExternalTensor(stored, location, offset, length);
    }

    private static long Number(StringStringEntryProto e, StoredTensor stored, string modelPath)
        => long.TryParse(e.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new GraphFormatException(
                $"{modelPath}: {stored.Owner} has external_data {e.Key} '{e.Value}', which is not a non-negative integer");

    private static GraphFormatException Error(string modelPath, ExternalTensor t, string problem)
        => new($"{Describe(modelPath, t)}, which {problem}");

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);
}
