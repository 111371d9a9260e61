using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Scheduler.Graphs.Formats;

/// <summary>
/// Writes an <see cref="ArenaPlan"/> into a JSON document, in the one shape the build plan file and
/// <c>schedule --arena --json</c> share: a summary (arena, strategy, alignment, bound, every strategy tried) and a
/// <c>tensors</c> array with each tensor's name, size, offset (-1: no arena space), lifetime and producer. Also the
/// same plan as ONNX <c>metadata_props</c> entries for a reordered model (<see cref="MetadataProps"/>).
/// </summary>
public static class ArenaJsonWriter
{
    /// <summary>Writes <c>arena_bytes</c>, <c>arena_strategy</c>, <c>arena_alignment</c>, <c>arena_lower_bound_bytes</c>,
    /// <c>arena_proven</c>, <c>fragmentation</c> and <c>arena_candidates</c> into the open object.</summary>
    public static void WriteSummary(Utf8JsonWriter w, ArenaPlan arena)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(arena);
        w.WriteNumber("arena_bytes", arena.ArenaBytes);
        w.WriteString("arena_strategy", arena.Strategy);
        w.WriteNumber("arena_alignment", arena.Alignment);
        w.WriteNumber("arena_lower_bound_bytes", arena.LowerBound);
        w.WriteBoolean("arena_proven", arena.Winner.Proven);
        w.WriteNumber("fragmentation", Math.Round(arena.Fragmentation, 6));
        w.WriteStartArray("arena_candidates");
        foreach (var c in arena.Candidates)
        {
            w.WriteStartObject();
            w.WriteString("strategy", c.Strategy);
            w.WriteNumber("arena_bytes", c.ArenaBytes);
            w.WriteBoolean("proven", c.Proven);
            w.WriteBoolean("capped", c.Capped);
            if (c.Message is not null)
            {
                w.WriteString("message", c.Message);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Writes the <c>tensors</c> array: per tensor <c>name</c>, <c>size</c>, <c>offset</c>, <c>first_step</c>,
    /// <c>last_step</c> (-1 for both when it takes no arena space), <c>producer</c> (op id, null for a graph input) and
    /// <c>output</c> (its index among the producer's outputs).</summary>
    public static void WriteTensors(Utf8JsonWriter w, ComputationGraph graph, ArenaPlan arena)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(arena);
        w.WriteStartArray("tensors");
        for (int t = 0; t < graph.TensorCount; t++)
        {
            int b = arena.TensorBuffers[t], producer = graph.Producer(t);
            w.WriteStartObject();
            w.WriteString("name", graph.TensorName(t));
            w.WriteNumber("size", graph.TensorSize(t));
            w.WriteNumber("offset", arena.TensorOffset(t));
            w.WriteNumber("first_step", b < 0 ? -1 : arena.Buffers[b].FirstStep);
            w.WriteNumber("last_step", b < 0 ? -1 : arena.Buffers[b].LastStep);
            if (producer < 0)
            {
                w.WriteNull("producer");
            }
            else
            {
                w.WriteNumber("producer", graph.OpId(producer));
            }
            w.WriteNumber("output", producer < 0 ? 0 : graph.Outputs(producer).IndexOf(t));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The plan as ONNX <c>metadata_props</c>: <c>scheduler.arena_bytes</c>, <c>scheduler.arena_strategy</c>,
    /// <c>scheduler.arena_alignment</c>, <c>scheduler.memory_model</c>, and <c>scheduler.arena_offsets</c>, a JSON object
    /// from each tensor with arena space (by its ONNX value name) to its byte offset, in tensor order.</summary>
    public static ImmutableArray<KeyValuePair<string, string>> MetadataProps(ComputationGraph graph, ArenaPlan arena)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(arena);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            for (int t = 0; t < graph.TensorCount; t++)
            {
                if (arena.TensorOffset(t) >= 0)
                {
                    w.WriteNumber(graph.TensorName(t), arena.TensorOffset(t));
                }
            }
            w.WriteEndObject();
        }
        return
        [
            new("scheduler.arena_bytes", arena.ArenaBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("scheduler.arena_strategy", arena.Strategy),
            new("scheduler.arena_alignment", arena.Alignment.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("scheduler.memory_model", arena.Options.Name),
            new("scheduler.arena_offsets", Encoding.UTF8.GetString(stream.ToArray())),
        ];
    }
}
