using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Scheduler.Pass;

/// <summary>
/// Loads <see cref="PassOptions"/> from YAML. Keys: <c>methods</c> (list), <c>time_budget_seconds</c>, <c>seed</c>,
/// <c>samples</c>, <c>model</c>, <c>beam_width</c>, <c>effort</c>, <c>exact_op_limit</c>, <c>parallelism</c>,
/// <c>memory_model</c> (<c>default</c> or <c>in-place</c>). Missing keys keep their defaults; an unknown
/// key or a bad value is a <see cref="GraphFormatException"/> naming the file and line.
/// </summary>
public static class PassOptionsYaml
{
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
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        Document? doc;
        try
        {
            doc = deserializer.Deserialize<Document?>(yaml);
        }
        catch (YamlException ex)
        {
            string reason = ex.InnerException?.Message ?? ex.Message;
            throw new GraphFormatException($"{source}:{ex.Start.Line}:{ex.Start.Column}: {reason}", ex);
        }
        var d = doc ?? new Document();
        var defaults = PassOptions.Default;
        if (d.TimeBudgetSeconds is <= 0)
        {
            throw new GraphFormatException($"{source}: time_budget_seconds must be positive, got {d.TimeBudgetSeconds}");
        }
        var memory = d.MemoryModel switch
        {
            null or "default" => MemoryModelOptions.Default,
            "in-place" => MemoryModelOptions.InPlaceReuse,
            _ => throw new GraphFormatException($"{source}: memory_model must be 'default' or 'in-place', got '{d.MemoryModel}'"),
        };
        if (d.Effort is double e && !(e > 0 && double.IsFinite(e)))
        {
            throw new GraphFormatException($"{source}: effort must be a positive number, got {e}");
        }
        var settings = defaults.Settings;
        return defaults with
        {
            Methods = d.Methods ?? defaults.Methods,
            TimeBudget = d.TimeBudgetSeconds is double s ? TimeSpan.FromSeconds(s) : defaults.TimeBudget,
            Settings = settings with
            {
                Seed = d.Seed ?? settings.Seed,
                Samples = d.Samples ?? settings.Samples,
                ModelPath = d.Model ?? settings.ModelPath,
                BeamWidth = d.BeamWidth ?? settings.BeamWidth,
                Effort = d.Effort ?? settings.Effort,
            },
            ExactOpLimit = d.ExactOpLimit ?? defaults.ExactOpLimit,
            Parallelism = d.Parallelism ?? defaults.Parallelism,
            Memory = memory,
        };
    }

    private sealed class Document
    {
        public List<string>? Methods { get; set; }
        public double? TimeBudgetSeconds { get; set; }
        public int? Seed { get; set; }
        public int? Samples { get; set; }
        public string? Model { get; set; }
        public int? BeamWidth { get; set; }
        public int? ExactOpLimit { get; set; }
        public double? Effort { get; set; }
        public int? Parallelism { get; set; }

        public string? MemoryModel { get; set; }
    }
}
