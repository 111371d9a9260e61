using System.Globalization;
using System.Text.Json;

namespace Scheduler.Graphs.Formats;

/// <summary>
/// Resolves the <c>alias_of</c> references of the JSON format (docs/DESIGN.md §3.1) and writes them back: an output is
/// a view of <c>[src]</c> / <c>[src, k]</c> (node src's output k) or <c>{"input": i}</c> (the i-th entry of
/// <c>inputs</c>). A bad reference is a <see cref="GraphFormatException"/> naming the node, the field and the fix.
/// </summary>
internal static class JsonAliases
{
    /// <summary>Checks every alias (after the edges and inputs are read) and marks it on the builder.</summary>
    /// <exception cref="GraphFormatException">A reference is malformed, names an unknown node, output or input, a
    /// tensor the node does not consume (with the edge to add), or a smaller one.</exception>
    public static void MarkAll(GraphBuilder builder, List<PendingAlias> aliases, int[] firstOutput, List<int> inputTensors)
    {
        if (aliases.Count == 0)
        {
            return;
        }
        var uses = builder.Uses.ToHashSet();
        foreach (var alias in aliases)
        {
            int source = Resolve(builder, alias, firstOutput, inputTensors);
            if (!uses.Contains((source, alias.Op)))
            {
                throw Error(alias, $"{Describe(builder, source, firstOutput)} is not an input of this node (add the edge, or drop alias_of)");
            }
            if (builder.TensorSize(source) < builder.TensorSize(alias.Tensor))
            {
                throw Error(alias, string.Create(CultureInfo.InvariantCulture,
                    $"{Describe(builder, source, firstOutput)} has {builder.TensorSize(source)} B, fewer than this output's {builder.TensorSize(alias.Tensor)} B"));
            }
            builder.MarkAlias(alias.Tensor, source);
        }
    }

    /// <summary>Marks the single output of every node of a type in <paramref name="viewOps"/> that has no explicit
    /// alias as a view of its one input of the same byte size (see <c>JsonGraphReader.ReadFile(string, IReadOnlySet{string})</c>).</summary>
    public static void MarkByType(GraphBuilder builder, IReadOnlySet<string> viewOps, List<PendingAlias> explicitAliases, int[] firstOutput)
    {
        var inputs = new Dictionary<int, HashSet<int>>();
        foreach (var (tensor, op) in builder.Uses)
        {
            if (viewOps.Contains(builder.OpType(op)))
            {
                (inputs.TryGetValue(op, out var set) ? set : inputs[op] = []).Add(tensor);
            }
        }
        var marked = explicitAliases.Select(a => a.Tensor).ToHashSet();
        foreach (var (op, set) in inputs)
        {
            int output = firstOutput[op];
            if (firstOutput[op + 1] - output != 1 || marked.Contains(output))
            {
                continue;
            }
            var same = set.Where(t => builder.TensorSize(t) == builder.TensorSize(output)).Take(2).ToList();
            if (same.Count == 1)
            {
                builder.MarkAlias(output, same[0]);
            }
        }
    }

    private static string Describe(GraphBuilder builder, int tensor, int[] firstOutput)
    {
        // Node outputs come first, in node order; graph inputs after them.
        int op = Array.FindLastIndex(firstOutput, first => first <= tensor);
        return op < 0 || op >= builder.OpCount
            ? "that graph input"
            : string.Create(CultureInfo.InvariantCulture, $"node {builder.OpId(op)} output {tensor - firstOutput[op]}");
    }

    /// <summary>The JSON value of tensor <paramref name="tensor"/>'s <c>alias_of</c>: <c>[src, k]</c> or
    /// <c>{"input": i}</c>, with <paramref name="inputIndex"/> giving each graph input's place in <c>inputs</c>.</summary>
    public static void Write(Utf8JsonWriter w, ComputationGraph g, int tensor, IReadOnlyDictionary<int, int> inputIndex)
    {
        int source = g.AliasOf(tensor);
        int p = g.Producer(source);
        if (p < 0)
        {
            w.WriteStartObject("alias_of");
            w.WriteNumber("input", inputIndex[source]);
            w.WriteEndObject();
            return;
        }
        w.WriteStartArray("alias_of");
        w.WriteNumberValue(g.OpId(p));
        w.WriteNumberValue(g.Outputs(p).IndexOf(source));
        w.WriteEndArray();
    }

    private static int Resolve(GraphBuilder builder, PendingAlias alias, int[] firstOutput, List<int> inputTensors)
    {
        var r = alias.Reference;
        if (r.ValueKind == JsonValueKind.Object && r.TryGetProperty("input", out var i) && i.TryGetInt32(out int input))
        {
            return input >= 0 && input < inputTensors.Count
                ? inputTensors[input]
                : throw Error(alias, $"no graph input {input} (\"inputs\" has {inputTensors.Count})");
        }
        if (r.ValueKind == JsonValueKind.Array && r.GetArrayLength() is 1 or 2
            && r[0].TryGetInt64(out long id) && (r.GetArrayLength() == 1 || r[1].TryGetInt32(out _)))
        {
            int k = r.GetArrayLength() == 2 ? r[1].GetInt32() : 0;
            if (!builder.TryGetOp(id, out int src))
            {
                throw Error(alias, $"unknown node id {id.ToString(CultureInfo.InvariantCulture)}");
            }
            int outputs = firstOutput[src + 1] - firstOutput[src];
            return k >= 0 && k < outputs
                ? firstOutput[src] + k
                : throw Error(alias, $"node {id.ToString(CultureInfo.InvariantCulture)} has no output {k} (it has {outputs})");
        }
        throw Error(alias, "expected [node id] or [node id, output index] or {\"input\": index into \"inputs\"}");
    }

    private static GraphFormatException Error(PendingAlias alias, string message) => new($"{alias.Where}: {message}");
}
