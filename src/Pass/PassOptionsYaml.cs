using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scheduler.Pass;

/// <summary>
/// Loads <see cref="PassOptions"/> from YAML. Keys: <c>methods</c> (list), <c>time_budget_seconds</c>, <c>seed</c>,
/// <c>samples</c>, <c>temperature</c>, <c>memory_weight</c>, <c>model</c>, <c>beam_width</c>, <c>effort</c>, <c>exact_op_limit</c>, <c>parallelism</c>,
/// <c>memory_model</c> (<c>default</c>, <c>in-place</c>, <c>views</c> or <c>in-place+views</c>). Missing (or null) keys keep their defaults. Numbers are
/// checked against <see cref="PassOptionRanges"/>, method ids against <see cref="MethodCatalog"/>; an unknown key or
/// method, a value of the wrong kind or out of range is a <see cref="GraphFormatException"/> naming the file, line,
/// column and key, with a "did you mean" for a near miss.
/// </summary>
public static class PassOptionsYaml
{
    /// <summary>Every key the file may have.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["methods", "time_budget_seconds", "seed", "samples", "temperature", "memory_weight", "model", "beam_width", "effort", "exact_op_limit", "parallelism", "memory_model"];

    /// <summary>Reads a YAML file.</summary>
    /// <exception cref="GraphFormatException">The file is missing, malformed, or has an unknown key or bad value.</exception>
    public static PassOptions Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = InputFile.ReadAllText(path);
        return Parse(text, path);
    }

    /// <summary>Parses YAML text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="GraphFormatException">Malformed YAML, an unknown key or a bad value.</exception>
    public static PassOptions Parse(string yaml, string source = "<yaml>")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw Error(source, ex.Start, ex.InnerException?.Message ?? ex.Message);
        }
        var options = PassOptions.Default;
        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            return options;
        }
        if (stream.Documents.Count > 1)
        {
            throw Error(source, stream.Documents[1].RootNode.Start, "expected one YAML document, found more ('---')");
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw Error(source, stream.Documents[0].RootNode.Start, $"expected a mapping of keys ({string.Join(", ", Keys)})");
        }
        var reader = new Reader(source);
        foreach (var (keyNode, value) in map.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(key))
            {
                throw Error(source, keyNode.Start, $"unknown key '{key}'{Suggestions.DidYouMean(key, Keys)}; known keys: {string.Join(", ", Keys)}");
            }
            if (!IsNull(value))
            {
                options = reader.Apply(options, key, value);
            }
        }
        return options;
    }

    private static bool IsNull(YamlNode node)
        => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static GraphFormatException Error(string source, Mark at, string message)
        => new($"{source}:{at.Line}:{at.Column}: {message}");

    /// <summary>Turns one key's node into its option, or an error naming the key and its place.</summary>
    private sealed class Reader(string source)
    {
        public PassOptions Apply(PassOptions o, string key, YamlNode value)
        {
            var s = o.Settings;
            return key switch
            {
                "methods" => o with { Methods = Methods(value) },
                "time_budget_seconds" => o with { TimeBudget = TimeSpan.FromSeconds(Number(key, value, PassOptionRanges.TimeBudgetSeconds)) },
                "seed" => o with { Settings = s with { Seed = (int)Number(key, value, PassOptionRanges.Seed) } },
                "samples" => o with { Settings = s with { Samples = (int)Number(key, value, PassOptionRanges.Samples) } },
                "temperature" => o with { Settings = s with { Temperature = Number(key, value, PassOptionRanges.Temperature) } },
                "memory_weight" => o with { Settings = s with { MemoryWeight = Number(key, value, PassOptionRanges.MemoryWeight) } },
                "model" => o with { Settings = s with { ModelPath = Text(key, value) } },
                "beam_width" => o with { Settings = s with { BeamWidth = (int)Number(key, value, PassOptionRanges.BeamWidth) } },
                "effort" => o with { Settings = s with { Effort = Number(key, value, PassOptionRanges.Effort) } },
                "exact_op_limit" => o with { ExactOpLimit = (int)Number(key, value, PassOptionRanges.ExactOpLimit) },
                "parallelism" => o with { Parallelism = (int)Number(key, value, PassOptionRanges.Parallelism) },
                _ => o with { Memory = Memory(key, value) },
            };
        }

        private double Number(string key, YamlNode node, ValueRange range)
        {
            string text = Scalar(key, node, range.Expected);
            return range.Parse(text, out double value) is string problem ? throw Error(source, node.Start, $"{key} {problem}") : value;
        }

        private string Text(string key, YamlNode node) => Scalar(key, node, "a path");

        private MemoryModelOptions Memory(string key, YamlNode node)
        {
            string text = Scalar(key, node, string.Join(", ", MemoryModelOptions.Names));
            return MemoryModelOptions.Parse(text)
                ?? throw Error(source, node.Start, $"{key} must be one of {string.Join(", ", MemoryModelOptions.Names.Select(n => $"'{n}'"))}, got '{text}'{Suggestions.DidYouMean(text, MemoryModelOptions.Names)}");
        }

        private List<string> Methods(YamlNode node)
        {
            if (node is not YamlSequenceNode list)
            {
                throw Error(source, node.Start, $"methods must be a list of method ids (e.g. [bfs, local]), got {Kind(node)}");
            }
            var ids = new List<string>();
            foreach (var item in list.Children)
            {
                string id = Scalar("methods", item, "a method id");
                if (MethodCatalog.Problem(id, ["input", "best"]) is string problem)
                {
                    throw Error(source, item.Start, $"methods: {problem}");
                }
                ids.Add(id);
            }
            return ids;
        }

        private string Scalar(string key, YamlNode node, string expected)
            => node is YamlScalarNode { Value: string v }
                ? v
                : throw Error(source, node.Start, $"{key} must be {expected}, got {Kind(node)}");

        private static string Kind(YamlNode node) => node switch
        {
            YamlSequenceNode => "a list",
            YamlMappingNode => "a mapping",
            YamlScalarNode sc => $"'{sc.Value}'",
            _ => "an alias",
        };
    }
}
