using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Scheduler.Topoformer;

/// <summary>Reads and writes the snake_case YAML files of Topoformer (configs, model cards) with clear errors.</summary>
internal static class YamlFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeMapping<IReadOnlyList<string>, List<string>>() // the public API exposes read-only lists
        .Build();

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static string Serialize(object value) => Serializer.Serialize(value);

    /// <summary>Parses <paramref name="text"/>; unknown keys and bad values are errors naming the file, key and line.</summary>
    /// <exception cref="TopoformerConfigException">The YAML is malformed, has an unknown key or a bad value.</exception>
    public static T Parse<T>(string text, string path) where T : class
    {
        try
        {
            return Deserializer.Deserialize<T>(text)
                ?? throw new TopoformerConfigException(path, $"{path}: the file is empty.");
        }
        catch (YamlException e)
        {
            int line = checked((int)e.Start.Line);
            string key = KeyAt(text, e.Start);
            string why = e.InnerException?.Message ?? e.Message;
            string message = e.Message.Contains("not found on type", StringComparison.Ordinal)
                ? $"{path}({line}): unknown key '{key}'."
                : $"{path}({line}): bad value for '{key}': {why}";
            throw new TopoformerConfigException(path, message, key, line, e);
        }
    }

    /// <summary>Reads and parses a file.</summary>
    /// <exception cref="TopoformerConfigException">See <see cref="Parse{T}"/>; also when the file is missing.</exception>
    public static T Read<T>(string path) where T : class
    {
        if (!File.Exists(path))
        {
            throw new TopoformerConfigException(path, $"{path}: file not found.");
        }
        return Parse<T>(File.ReadAllText(path), path);
    }

    /// <summary>
    /// The key a parser mark points at: the text before ':' from the mark's column (an unknown key), or else the key
    /// before the ':' that precedes the mark (a bad value, <c>steps: many</c>).
    /// </summary>
    private static string KeyAt(string text, Mark mark)
    {
        var lines = text.Split('\n');
        long index = mark.Line - 1;
        if (index < 0 || index >= lines.Length)
        {
            return "?";
        }
        string line = lines[index];
        int start = (int)Math.Clamp(mark.Column - 1, 0, line.Length);
        string rest = line[start..];
        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            return rest[..colon].Trim().Trim('"', '\'', '-', ' ', '{', ',');
        }
        string before = line[..start].TrimEnd();
        if (before.EndsWith(':'))
        {
            string key = before[..^1].TrimEnd();
            int cut = key.LastIndexOfAny([' ', '{', ',', '-']);
            return key[(cut + 1)..].Trim('"', '\'');
        }
        return rest.Trim();
    }
}
