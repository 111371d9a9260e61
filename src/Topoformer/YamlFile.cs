using System.Text.RegularExpressions;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Scheduler.Topoformer;

/// <summary>Reads and writes the snake_case YAML files of Topoformer (configs, model cards) with clear errors.</summary>
internal static partial class YamlFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeMapping<IReadOnlyList<string>, List<string>>() // the public API exposes read-only lists
        .WithTypeMapping<IReadOnlyList<Training.CurriculumStage>, List<Training.CurriculumStage>>()
        .Build();

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static string Serialize(object value) => Serializer.Serialize(value);

    /// <summary>Every scalar of <paramref name="value"/>'s YAML form by dotted key (<c>model.layers</c>; a list's
    /// items joined with ','): the keys where two records differ can be named without a compare per record.</summary>
    public static SortedDictionary<string, string> Leaves(object value)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Collect(Deserializer.Deserialize<object>(Serialize(value)), "", leaves);
        return leaves;
    }

    /// <summary>The <see cref="Leaves"/> where <paramref name="before"/> and <paramref name="after"/> differ, in key
    /// order, with each side's value ("(none)" where a side lacks the key).</summary>
    public static IReadOnlyList<(string Key, string Before, string After)> Differences(object before, object after)
    {
        var a = Leaves(before);
        var b = Leaves(after);
        var diff = new List<(string, string, string)>();
        foreach (string key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            string x = a.GetValueOrDefault(key, "(none)"), y = b.GetValueOrDefault(key, "(none)");
            if (x != y)
            {
                diff.Add((key, x, y));
            }
        }
        return diff;
    }

    private static void Collect(object? node, string key, SortedDictionary<string, string> leaves)
    {
        switch (node)
        {
            case IDictionary<object, object> map:
                foreach (var (k, v) in map)
                {
                    Collect(v, key.Length == 0 ? $"{k}" : $"{key}.{k}", leaves);
                }
                break;
            case IList<object> list when list.Any(item => item is IDictionary<object, object>):
                for (int i = 0; i < list.Count; i++)
                {
                    Collect(list[i], $"{key}[{i}]", leaves); // a list of records (curriculum stages): one leaf per field
                }
                break;
            case IList<object> list:
                leaves[key] = string.Join(",", list);
                break;
            default:
                leaves[key] = node?.ToString() ?? "";
                break;
        }
    }

    /// <summary>Parses <paramref name="text"/>; unknown keys and bad values are errors naming the file, key and line,
    /// in words rather than .NET type names (an unknown key gets a "did you mean" among the keys where it stands).</summary>
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
            int line = (int)Math.Clamp(e.Start.Line, 0, int.MaxValue);
            string key = KeyAt(text, e.Start);
            string message;
            if (UnknownProperty().Match(e.Message) is { Success: true } m)
            {
                var keys = YamlKeys.Of(typeof(T), m.Groups["type"].Value);
                message = $"{path}({line}): unknown key '{key}'{Suggestions.DidYouMean(key, keys)}{(keys.Count > 0 ? $"; known keys here: {string.Join(", ", keys)}" : "")}.";
            }
            else if (e is SyntaxErrorException || e.Message.StartsWith("While ", StringComparison.Ordinal))
            {
                message = $"{path}({line}): malformed YAML: {e.Message.TrimEnd('.')}.";
            }
            else
            {
                string value = ValueAt(text, e.Start, key);
                message = $"{path}({line}): bad value for '{key}': expected {YamlKeys.Expected(typeof(T), key)}{(value.Length > 0 ? $", got '{value}'" : "")}.";
            }
            throw new TopoformerConfigException(path, message, key, line, e);
        }
    }

    /// <summary>Reads and parses a file.</summary>
    /// <exception cref="TopoformerConfigException">See <see cref="Parse{T}"/>; also when the file is missing, unreadable or too large.</exception>
    public static T Read<T>(string path) where T : class
    {
        if (!File.Exists(path))
        {
            throw new TopoformerConfigException(path, $"{path}: file not found.");
        }
        string text;
        try
        {
            text = InputFile.ReadAllText(path);
        }
        catch (GraphFormatException e)
        {
            throw new TopoformerConfigException(path, e.Message, inner: e);
        }
        return Parse<T>(text, path);
    }

    /// <summary>The scalar after <c>key:</c> on the mark's line, or "".</summary>
    private static string ValueAt(string text, Mark mark, string key)
    {
        var lines = text.Split('\n');
        long index = mark.Line - 1;
        if (index < 0 || index >= lines.Length)
        {
            return "";
        }
        string line = lines[index];
        int at = line.IndexOf(key + ":", StringComparison.Ordinal);
        string value = at >= 0 ? line[(at + key.Length + 1)..] : line[(int)Math.Clamp(mark.Column - 1, 0, line.Length)..];
        int comment = value.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? value[..comment] : value).Trim().TrimEnd(',', '}');
    }

    [GeneratedRegex("Property '[^']*' not found on type '(?<type>[^']*)'")]
    private static partial Regex UnknownProperty();

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
