using System.Text.Json;

namespace Scheduler.Reports;

/// <summary>
/// A report's results.json: the run, the headline and per-method summaries of every dataset, and every row without
/// its order (orders.json holds those, so this file stays small enough to read).
/// </summary>
public static class ReportJson
{
    /// <summary>The document.</summary>
    public static string Write(ReportData data, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        return CompareJson.Document(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("run");
            w.WriteString("command", context.Command);
            w.WriteString("started_utc", context.StartedUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            CompareJson.WriteNullable(w, "elapsed_s", context.Elapsed?.TotalSeconds);
            w.WriteNumber("cores", Environment.ProcessorCount);
            WriteText(w, "load_average_start", context.LoadAtStart);
            WriteText(w, "load_average_end", context.LoadAtEnd);
            w.WriteNumber("time_limit_s", context.TimeLimitSeconds);
            w.WriteNumber("seed", context.Seed);
            w.WriteString("memory_model", context.MemoryModel);
            w.WriteEndObject();
            w.WriteStartArray("datasets");
            foreach (var h in data.Headlines)
            {
                WriteDataset(w, data, h);
            }
            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var r in data.Results.Rows)
            {
                CompareJson.WriteRow(w, r, includeOrder: false);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Every row's order (node ids) by dataset, graph and method.</summary>
    public static string Orders(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return CompareJson.Document(w =>
        {
            w.WriteStartArray();
            foreach (var r in data.Results.Rows)
            {
                w.WriteStartObject();
                w.WriteString("dataset", r.Dataset);
                w.WriteString("graph", r.Graph);
                w.WriteString("method", r.Method);
                w.WriteStartArray("order");
                foreach (long id in r.OrderIds ?? [])
                {
                    w.WriteNumberValue(id);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static void WriteDataset(Utf8JsonWriter w, ReportData data, DatasetHeadline h)
    {
        w.WriteStartObject();
        w.WriteString("dataset", h.Dataset);
        w.WriteNumber("graphs", h.Graphs);
        WriteText(w, "winner", h.Winner);
        w.WriteStartArray("tied_with");
        foreach (string m in h.TiedWith)
        {
            w.WriteStringValue(m);
        }
        w.WriteEndArray();
        CompareJson.WriteNullable(w, "winner_mean_ratio", h.WinnerMeanRatio);
        CompareJson.WriteNullable(w, "winner_median_ms", h.WinnerMedianMs);
        WriteText(w, "best_heuristic", h.BestHeuristic);
        CompareJson.WriteNullable(w, "winner_vs_best_heuristic", h.WinnerVsHeuristic);
        CompareJson.WriteNullable(w, "winner_vs_input", h.WinnerVsInput);
        w.WriteNumber("proven_optimal_graphs", h.ProvenGraphs);
        CompareJson.WriteNullable(w, "pass_vs_input", h.PassVsInput);
        w.WriteStartArray("methods");
        foreach (var s in data.Summaries.Where(s => s.Dataset == h.Dataset))
        {
            w.WriteStartObject();
            w.WriteString("method", s.Method);
            w.WriteNumber("graphs", s.Graphs);
            w.WriteNumber("ran", s.Ran);
            w.WriteNumber("failed", s.Failed);
            w.WriteNumber("skipped", s.Skipped);
            CompareJson.WriteNullable(w, "mean_ratio", s.MeanRatio);
            CompareJson.WriteNullable(w, "median_ratio", s.MedianRatio);
            CompareJson.WriteNullable(w, "strict_wins", s.StrictWins);
            CompareJson.WriteNullable(w, "ties", s.Ties);
            CompareJson.WriteNullable(w, "median_ms", s.MedianMs);
            w.WriteNumber("proven_optimal", s.Optimal);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
