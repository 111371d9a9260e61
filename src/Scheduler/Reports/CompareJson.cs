using System.Text;
using System.Text.Json;
using Scheduler.Pass;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>Comparison rows as JSON: the <c>compare --json</c> array, and the row objects inside a report's results.json.</summary>
public static class CompareJson
{
    /// <summary>Serialises rows; each object has graph, method, peak_bytes, lower_bound_bytes, elapsed_ms, order, status and more.</summary>
    public static string Write(IReadOnlyList<CompareRow> rows, bool includeOrders = true)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Document(w =>
        {
            w.WriteStartArray();
            foreach (var r in rows)
            {
                WriteRow(w, r, includeOrders);
            }
            w.WriteEndArray();
        });
    }

    /// <summary>Indented JSON from <paramref name="write"/>, with a final line break.</summary>
    public static string Document(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(w);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One row as an object; the order only when <paramref name="includeOrder"/>.</summary>
    public static void WriteRow(Utf8JsonWriter w, CompareRow r, bool includeOrder)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        w.WriteStartObject();
        w.WriteString("dataset", r.Dataset);
        w.WriteString("graph", r.Graph);
        w.WriteNumber("ops", r.Ops);
        w.WriteString("method", r.Method);
        WriteNullable(w, "peak_bytes", r.PeakBytes);
        w.WriteNumber("lower_bound_bytes", r.LowerBoundBytes);
        w.WriteNumber("cut_bound_bytes", r.CutBoundBytes);
        w.WriteNumber("closure_bound_bytes", r.ClosureBoundBytes);
        w.WriteNumber("resident_bytes", r.ResidentBytes);
        w.WriteNumber("elapsed_ms", Math.Round(r.ElapsedMs, 3));
        w.WriteString("status", r.Status.Id());
        WriteNullable(w, "proven_lower_bound_bytes", r.ProvenLowerBound);
        if (r.ArenaBytes is long arena)
        {
            // Only with compare --arena, so the rows of a run without it are unchanged.
            w.WriteNumber("arena_bytes", arena);
            w.WriteString("arena_strategy", r.ArenaStrategy);
            w.WriteBoolean("arena_proven", r.ArenaProven == true);
            WriteNullable(w, "fragmentation", r.Fragmentation);
            WriteNullable(w, "arena_ms", r.ArenaMs is double ms ? Math.Round(ms, 3) : null);
        }
        if (r.ReferenceMs is double work)
        {
            w.WriteNumber("reference_ms", Math.Round(work, 3));
        }
        if (r.Message is not null)
        {
            w.WriteString("message", r.Message);
        }
        if (r.Trace is { } trace)
        {
            // The anytime curve of a method that records one (local): each fall of its best peak, by work spent.
            w.WriteStartArray("trace");
            foreach (var p in trace)
            {
                w.WriteStartObject();
                w.WriteNumber("work", p.Work);
                w.WriteNumber("elapsed_ms", Math.Round(p.ElapsedMs, 3));
                w.WriteNumber("peak_bytes", p.PeakBytes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (includeOrder)
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

    /// <summary>A number, or null when there is none (NaN counts as none).</summary>
    public static void WriteNullable(Utf8JsonWriter w, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (value is double v && !double.IsNaN(v) && !double.IsInfinity(v))
        {
            w.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            w.WriteNull(name);
        }
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
