using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Scheduler.Graphs.Formats;

/// <summary>
/// Reads the JSON graph format, version 1 (docs/DESIGN.md §3): nodes with <c>size</c> or <c>outputs</c>, edges
/// <c>[src, dst]</c> or <c>[src, dst, k]</c>, optional graph <c>inputs</c> and <c>control_edges</c>, and optional
/// <c>alias_of</c> on an output (<c>[src]</c> or <c>[src, k]</c>: a view of node src's output k; <c>{"input": i}</c>: of
/// the i-th entry of <c>inputs</c>), which must name an input of the node at least as large. Every problem is a
/// <see cref="GraphFormatException"/> naming the file and the place (line/column, node, edge).
/// Linear in the file: it parses the UTF-8 bytes as read, and a place (<see cref="Place"/>) becomes text only when a
/// message needs it, so a million nodes and edges cost no million strings (docs/DESIGN.md §9).
/// </summary>
public static class JsonGraphReader
{
    /// <summary>Reads a graph file.</summary>
    /// <exception cref="GraphFormatException">The file is missing, malformed or describes an invalid graph.</exception>
    public static ComputationGraph ReadFile(string path) => ReadFile(path, null);

    /// <summary>Reads a graph file and, when <paramref name="viewOps"/> is given, also marks every single-output node of
    /// those op types without an <c>alias_of</c> as a view of its one input of the output's byte size (JSON keeps no
    /// input slots, so "input 0" is recognised by size; a node with no such input, or several, stays a copy).</summary>
    /// <exception cref="GraphFormatException">The file is missing, malformed or describes an invalid graph.</exception>
    public static ComputationGraph ReadFile(string path, IReadOnlySet<string>? viewOps)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(InputFile.ReadUtf8(path), path, Path.GetFileNameWithoutExtension(path), viewOps);
    }

    /// <summary>Parses graph JSON; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="GraphFormatException">Malformed JSON or an invalid graph.</exception>
    public static ComputationGraph Parse(string json, string source = "<json>", string defaultName = "")
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), source, defaultName, null);
    }

    private static ComputationGraph Parse(ReadOnlyMemory<byte> json, string source, string defaultName, IReadOnlySet<string>? viewOps)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1, column = (ex.BytePositionInLine ?? 0) + 1;
            throw new GraphFormatException($"{source}:{line}:{column}: malformed JSON ({FirstSentence(ex.Message)})", ex);
        }
        using (doc)
        {
            try
            {
                return Build(doc.RootElement, defaultName, viewOps);
            }
            catch (GraphFormatException ex)
            {
                throw new GraphFormatException($"{source}: {ex.Message}", ex);
            }
            catch (CycleException ex)
            {
                throw new GraphFormatException($"{source}: {ex.Message}", ex);
            }
        }
    }

    private static ComputationGraph Build(JsonElement root, string defaultName, IReadOnlySet<string>? viewOps)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new GraphFormatException("the top level must be an object with \"nodes\" and \"edges\"");
        }
        string name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : defaultName;
        var builder = new GraphBuilder(name);
        var nodes = RequireArray(root, "nodes");
        // A node's outputs are added together, so they are the tensors firstOutput[op] .. firstOutput[op + 1] − 1.
        var firstOutput = new int[nodes.GetArrayLength() + 1];
        var aliases = new List<PendingAlias>();
        int index = 0;
        foreach (var node in nodes.EnumerateArray())
        {
            ReadNode(builder, node, index, aliases);
            firstOutput[++index] = builder.TensorCount;
        }
        if (root.TryGetProperty("edges", out var edges))
        {
            ReadEdges(builder, edges, firstOutput);
        }
        var inputTensors = new List<int>();
        if (root.TryGetProperty("inputs", out var inputs))
        {
            ReadInputs(builder, inputs, inputTensors);
        }
        if (root.TryGetProperty("control_edges", out var control))
        {
            ReadControlEdges(builder, control);
        }
        JsonAliases.MarkAll(builder, aliases, firstOutput, inputTensors);
        if (viewOps is not null)
        {
            JsonAliases.MarkByType(builder, viewOps, aliases, firstOutput);
        }
        return builder.Build();
    }

    private static void ReadNode(GraphBuilder builder, JsonElement node, int index, List<PendingAlias> aliases)
    {
        var where = new Place("nodes", index);
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw new GraphFormatException($"{where}: a node must be an object");
        }
        where = where with { Id = RequireLong(node, "id", where) };
        int op;
        try
        {
            op = builder.AddOp(where.Id!.Value, OptionalString(node, "name"), OptionalString(node, "op"));
        }
        catch (GraphFormatException ex)
        {
            throw new GraphFormatException($"{where}: {ex.Message}", ex);
        }
        if (!node.TryGetProperty("outputs", out var outputs))
        {
            int single = builder.AddOutput(op, RequireSize(node, where), OptionalString(node, "name"));
            AddAlias(node, single, op, where, aliases);
            return;
        }
        if (outputs.ValueKind != JsonValueKind.Array)
        {
            throw new GraphFormatException($"{where}: \"outputs\" must be an array");
        }
        int k = 0;
        foreach (var output in outputs.EnumerateArray())
        {
            var at = where with { Output = k++ };
            if (output.ValueKind != JsonValueKind.Object)
            {
                throw new GraphFormatException($"{at}: an output must be an object with \"size\" (and optional \"name\", \"graph_output\"), found {Excerpt(output)}");
            }
            long size = RequireSize(output, at);
            bool graphOutput = output.TryGetProperty("graph_output", out var g) && g.ValueKind == JsonValueKind.True;
            int tensor = builder.AddOutput(op, size, OptionalString(output, "name"), graphOutput);
            AddAlias(output, tensor, op, at, aliases);
        }
    }

    private static void AddAlias(JsonElement owner, int tensor, int op, Place where, List<PendingAlias> aliases)
    {
        if (owner.TryGetProperty("alias_of", out var reference))
        {
            aliases.Add(new PendingAlias(tensor, op, reference.Clone(), where.ToString() + " alias_of"));
        }
    }

    private static void ReadEdges(GraphBuilder builder, JsonElement edges, int[] firstOutput)
    {
        if (edges.ValueKind != JsonValueKind.Array)
        {
            throw new GraphFormatException("\"edges\" must be an array");
        }
        int index = 0;
        var ids = new List<long>(3);
        foreach (var edge in edges.EnumerateArray())
        {
            var where = new Place("edges", index++);
            ReadIds(edge, where, min: 2, max: 3, ids);
            int src = Resolve(builder, ids[0], where), dst = Resolve(builder, ids[1], where);
            long k = ids.Count == 3 ? ids[2] : 0;
            int outputs = firstOutput[src + 1] - firstOutput[src];
            if (k < 0 || k >= outputs)
            {
                throw new GraphFormatException($"{where} {Show(ids)}: node {ids[0]} has no output {k} (it has {outputs})");
            }
            if (src == dst)
            {
                throw new GraphFormatException($"{where} {Show(ids)}: an edge from a node to itself is a cycle");
            }
            builder.AddUse(firstOutput[src] + (int)k, dst);
        }
    }

    private static void ReadInputs(GraphBuilder builder, JsonElement inputs, List<int> inputTensors)
    {
        if (inputs.ValueKind != JsonValueKind.Array)
        {
            throw new GraphFormatException("\"inputs\" must be an array");
        }
        int index = 0;
        var ids = new List<long>();
        foreach (var input in inputs.EnumerateArray())
        {
            var where = new Place("inputs", index++);
            if (input.ValueKind != JsonValueKind.Object)
            {
                throw new GraphFormatException($"{where}: an input must be an object with \"size\", found {Excerpt(input)}");
            }
            long size = RequireSize(input, where);
            bool freeable = input.TryGetProperty("freeable", out var f) && f.ValueKind == JsonValueKind.True;
            int tensor = builder.AddGraphInput(size, OptionalString(input, "name"), freeable);
            inputTensors.Add(tensor);
            if (input.TryGetProperty("consumers", out var consumers))
            {
                var at = where with { Suffix = ".consumers" };
                ReadIds(consumers, at, 0, int.MaxValue, ids);
                foreach (long id in ids)
                {
                    builder.AddUse(tensor, Resolve(builder, id, at));
                }
            }
        }
    }

    private static void ReadControlEdges(GraphBuilder builder, JsonElement edges)
    {
        if (edges.ValueKind != JsonValueKind.Array)
        {
            throw new GraphFormatException("\"control_edges\" must be an array");
        }
        int index = 0;
        var ids = new List<long>(2);
        foreach (var edge in edges.EnumerateArray())
        {
            var where = new Place("control_edges", index++);
            ReadIds(edge, where, 2, 2, ids);
            builder.AddControlEdge(Resolve(builder, ids[0], where), Resolve(builder, ids[1], where));
        }
    }

    private static int Resolve(GraphBuilder builder, long id, Place where)
        => builder.TryGetOp(id, out int op) ? op : throw new GraphFormatException($"{where}: unknown node id {id}");

    /// <summary>Reads an array of node ids into <paramref name="ids"/> (cleared first: one list serves every edge).</summary>
    private static void ReadIds(JsonElement array, Place where, int min, int max, List<long> ids)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new GraphFormatException($"{where}: expected an array of node ids");
        }
        ids.Clear();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long value))
            {
                throw new GraphFormatException($"{where}: expected integer node ids, found {Excerpt(item)}");
            }
            ids.Add(value);
        }
        if (ids.Count < min || ids.Count > max)
        {
            throw new GraphFormatException($"{where}: expected {(min == max ? $"{min}" : $"{min} to {max}")} integers, found {ids.Count}");
        }
    }

    private static JsonElement RequireArray(JsonElement obj, string property)
    {
        if (!obj.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new GraphFormatException($"missing array \"{property}\"");
        }
        return value;
    }

    private static long RequireLong(JsonElement obj, string property, Place where)
    {
        if (!obj.TryGetProperty(property, out var value))
        {
            throw new GraphFormatException($"{where}: missing \"{property}\"");
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long result))
        {
            throw new GraphFormatException($"{where}: \"{property}\" must be an integer, found {Excerpt(value)}");
        }
        return result;
    }

    private static long RequireSize(JsonElement obj, Place where)
    {
        long size = RequireLong(obj, "size", where);
        return size >= 0 ? size : throw new GraphFormatException($"{where}: negative size {size}");
    }

    private static string OptionalString(JsonElement obj, string property)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : "";

    /// <summary>The element's JSON on one line, cut to 40 characters (messages stay one line however the file is laid out).</summary>
    private static string Excerpt(JsonElement element)
    {
        string text = string.Join(' ', element.GetRawText().Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 40 ? text : text[..37] + "...";
    }

    private static string Show(List<long> ids) => $"[{string.Join(", ", ids)}]";

    /// <summary>A place in the file — <c>nodes[3] (id 7) outputs[1]</c>, <c>edges[5]</c>, <c>inputs[2].consumers</c> —
    /// kept as numbers and written out only for a message.</summary>
    private readonly record struct Place(string Section, int Index, long? Id = null, int Output = -1, string Suffix = "")
    {
        public override string ToString()
            => string.Create(CultureInfo.InvariantCulture, $"{Section}[{Index}]{(Id is long id ? $" (id {id})" : "")}{(Output >= 0 ? $" outputs[{Output}]" : "")}{Suffix}");
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message.TrimEnd('.') : message[..cut];
    }
}
