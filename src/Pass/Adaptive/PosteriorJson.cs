using System.Text.Json;
using Scheduler.Graphs;

namespace Scheduler.Pass.Adaptive;

/// <summary>The checked reading of a posterior file's JSON (<see cref="PosteriorFile"/>): every field is required,
/// of its kind and in range, and a problem names the file and the JSON path.</summary>
internal static class PosteriorJson
{
    public static PortfolioPosterior Read(JsonElement root, string path)
    {
        var r = new Reader(path);
        r.Object(root, "$");
        if (r.String(root, "$", "format") != PosteriorFile.Format)
        {
            throw r.Bad("$.format", $"expected \"{PosteriorFile.Format}\"");
        }
        if (r.Int(root, "$", "version") != PosteriorFile.Version)
        {
            throw r.Bad("$.version", $"expected {PosteriorFile.Version}");
        }
        int seen = r.Int(root, "$", "graphs_seen");
        var last = r.Field(root, "$", "last_class");
        string? lastClass = last.ValueKind == JsonValueKind.Null ? null : r.String(root, "$", "last_class");
        var cells = new List<(string, string, PosteriorCell)>();
        int i = 0;
        foreach (var c in r.Array(root, "$", "cells"))
        {
            string at = $"$.cells[{i++}]";
            r.Object(c, at);
            cells.Add((r.String(c, at, "class"), r.String(c, at, "method"),
                new PosteriorCell(r.Stats(c, at, "gain"), r.Stats(c, at, "log_cost"))));
        }
        var episodes = new List<(string, Episode)>();
        i = 0;
        foreach (var e in r.Array(root, "$", "episodes"))
        {
            string at = $"$.episodes[{i++}]";
            r.Object(e, at);
            var samples = new SortedDictionary<string, (double, double)>(StringComparer.Ordinal);
            int k = 0;
            foreach (var s in r.Array(e, at, "samples"))
            {
                string sat = $"{at}.samples[{k++}]";
                r.Object(s, sat);
                samples[r.String(s, sat, "method")] = (r.Number(s, sat, "gain"), r.Number(s, sat, "log_cost"));
            }
            episodes.Add((r.String(e, at, "class"), new Episode(r.Int(e, at, "index"), r.Int(e, at, "length"),
                r.Int(e, at, "previous_length"), r.Count(e, at, "start_observations"), samples)));
        }
        var posterior = new PortfolioPosterior();
        posterior.Restore(seen, lastClass, cells, episodes);
        return posterior;
    }

    private sealed class Reader(string path)
    {
        public GraphFormatException Bad(string at, string what) => new($"{path}: {at}: {what}; not a valid posterior file (delete it to start afresh)");

        public void Object(JsonElement e, string at)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw Bad(at, $"expected an object, found {e.ValueKind}");
            }
        }

        public JsonElement Field(JsonElement e, string at, string name)
            => e.TryGetProperty(name, out var v) ? v : throw Bad($"{at}.{name}", "missing");

        public string String(JsonElement e, string at, string name)
        {
            var v = Field(e, at, name);
            return v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : throw Bad($"{at}.{name}", "expected a non-empty string");
        }

        public double Number(JsonElement e, string at, string name)
        {
            var v = Field(e, at, name);
            return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d) ? d : throw Bad($"{at}.{name}", "expected a finite number");
        }

        public double Count(JsonElement e, string at, string name)
            => Number(e, at, name) is var d and >= 0 ? d : throw Bad($"{at}.{name}", "expected a count of at least 0");

        public int Int(JsonElement e, string at, string name)
        {
            var v = Field(e, at, name);
            return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) && n >= 0 ? n : throw Bad($"{at}.{name}", "expected an integer of at least 0");
        }

        public JsonElement.ArrayEnumerator Array(JsonElement e, string at, string name)
        {
            var v = Field(e, at, name);
            return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : throw Bad($"{at}.{name}", "expected an array");
        }

        public SampleStats Stats(JsonElement e, string at, string name)
        {
            var s = Field(e, at, name);
            string sat = $"{at}.{name}";
            Object(s, sat);
            return new SampleStats(Count(s, sat, "count"), Number(s, sat, "mean"), Count(s, sat, "sum_squares"));
        }
    }
}
