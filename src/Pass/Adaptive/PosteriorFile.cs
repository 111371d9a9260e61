using System.Text;
using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;

namespace Scheduler.Pass.Adaptive;

/// <summary>
/// Reads and writes a <see cref="PortfolioPosterior"/> as JSON (format <c>scheduler-adaptive-posterior</c>, version
/// 1): the stream counters, each class's cells (gain and log-cost statistics per method) and each class's episode
/// with its draws. Written atomically (<see cref="AtomicFile"/>); every value is checked on reading, and a bad file is
/// a <see cref="GraphFormatException"/> naming the file and the place.
/// </summary>
public static class PosteriorFile
{
    /// <summary>The format name in the file.</summary>
    public const string Format = "scheduler-adaptive-posterior";

    /// <summary>The format version written and read.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="posterior"/> to <paramref name="path"/> (temp file, then rename).</summary>
    public static void Save(PortfolioPosterior posterior, string path)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.WriteAllText(path, ToJson(posterior));
    }

    /// <summary>The JSON text of <paramref name="posterior"/>.</summary>
    public static string ToJson(PortfolioPosterior posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            w.WriteNumber("graphs_seen", posterior.GraphsSeen);
            if (posterior.LastClass is null)
            {
                w.WriteNull("last_class");
            }
            else
            {
                w.WriteString("last_class", posterior.LastClass);
            }
            w.WriteStartArray("cells");
            foreach (string cls in posterior.Classes)
            {
                foreach (var (method, cell) in posterior.Cells(cls))
                {
                    w.WriteStartObject();
                    w.WriteString("class", cls);
                    w.WriteString("method", method);
                    WriteStats(w, "gain", cell.Gain);
                    WriteStats(w, "log_cost", cell.LogCost);
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteStartArray("episodes");
            foreach (var (cls, e) in posterior.Episodes)
            {
                w.WriteStartObject();
                w.WriteString("class", cls);
                w.WriteNumber("index", e.Index);
                w.WriteNumber("length", e.Length);
                w.WriteNumber("previous_length", e.PreviousLength);
                w.WriteNumber("start_observations", e.StartObservations);
                w.WriteStartArray("samples");
                foreach (var (method, (gain, logCost)) in e.Samples)
                {
                    w.WriteStartObject();
                    w.WriteString("method", method);
                    w.WriteNumber("gain", gain);
                    w.WriteNumber("log_cost", logCost);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads the posterior in <paramref name="path"/>.</summary>
    /// <exception cref="GraphFormatException">The file cannot be read or is not a valid posterior.</exception>
    public static PortfolioPosterior Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GraphFormatException($"{path}: cannot read the posterior file: {ex.Message}", ex);
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            return PosteriorJson.Read(doc.RootElement, path);
        }
        catch (JsonException ex)
        {
            throw new GraphFormatException($"{path}: not a posterior file: invalid JSON at line {ex.LineNumber + 1}: {ex.Message}", ex);
        }
    }

    private static void WriteStats(Utf8JsonWriter w, string name, SampleStats s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", s.Count);
        w.WriteNumber("mean", s.Mean);
        w.WriteNumber("sum_squares", s.SumSquares);
        w.WriteEndObject();
    }
}
