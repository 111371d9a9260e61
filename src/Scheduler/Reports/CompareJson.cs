using Scheduler.Pass;
using System.Text;
using System.Text.Json;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>Comparison rows as one JSON array (the <c>compare --json</c> contract).</summary>
public static class CompareJson
{
    /// <summary>Serialises rows; each object has graph, method, peak_bytes, lower_bound_bytes, elapsed_ms, order, status and more.</summary>
    public static string Write(IReadOnlyList<CompareRow> rows, bool includeOrders = true)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("dataset", r.Dataset);
                w.WriteString("graph", r.Graph);
                w.WriteNumber("ops", r.Ops);
                w.WriteString("method", r.Method);
                WriteNullable(w, "peak_bytes", r.PeakBytes);
                w.WriteNumber("lower_bound_bytes", r.LowerBoundBytes);
                w.WriteNumber("cut_bound_bytes", r.CutBoundBytes);
                w.WriteNumber("resident_bytes", r.ResidentBytes);
                w.WriteNumber("elapsed_ms", Math.Round(r.ElapsedMs, 3));
                w.WriteString("status", r.Status.Id());
                WriteNullable(w, "proven_lower_bound_bytes", r.ProvenLowerBound);
                if (r.Message is not null)
                {
                    w.WriteString("message", r.Message);
                }
                if (includeOrders)
                {
                    w.WriteStartArray("order");
                    foreach (long id in r.OrderIds ?? [])
                    {
                        w.WriteNumberValue(id);
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, long? value)
    {
        if (value is long v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
