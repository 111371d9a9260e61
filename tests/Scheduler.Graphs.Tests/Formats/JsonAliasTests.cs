using Scheduler.Graphs.Formats;

namespace Scheduler.Graphs.Tests.Formats;

public class JsonAliasTests
{
    private const string Graph = """
        { "name": "views",
          "nodes": [ {"id": 0, "op": "Conv", "size": 100},
                     {"id": 1, "op": "Reshape", "outputs": [{"size": 100, "alias_of": [0]}]},
                     {"id": 2, "op": "Flatten", "size": 100, "alias_of": [1, 0]},
                     {"id": 3, "op": "Squeeze", "outputs": [{"size": 40, "alias_of": {"input": 0}}]},
                     {"id": 4, "op": "Add", "size": 100} ],
          "edges": [ [0, 1], [1, 2], [2, 4], [3, 4], [0, 4] ],
          "inputs": [ {"name": "w", "size": 40, "freeable": true, "consumers": [3]} ] }
        """;

    [Fact]
    public void Parse_AliasOf_MarksNodeOutputsAndGraphInputs()
    {
        var g = JsonGraphReader.Parse(Graph);
        Assert.True(g.HasAliases);
        int x = g.Outputs(0)[0], v1 = g.Outputs(1)[0], v2 = g.Outputs(2)[0], sq = g.Outputs(3)[0];
        Assert.Equal((x, v1, -1), (g.AliasOf(v1), g.AliasOf(v2), g.AliasOf(x)));
        Assert.True(g.IsFreeableInput(g.AliasOf(sq)));
        // Views share x (and w): x, w and the Add's output at the Add instead of x, v2, sq and the output.
        var order = new[] { 0, 1, 2, 3, 4 };
        Assert.Equal(340, MemoryModel.Evaluate(g, order));
        Assert.Equal(240, MemoryModel.Evaluate(g, order, MemoryModelOptions.Parse("views")));
    }

    [Fact]
    public void Write_ThenParse_KeepsTheAliases()
    {
        var g = JsonGraphReader.Parse(Graph);
        string text = JsonGraphWriter.Write(g);
        Assert.Contains("\"alias_of\":{\"input\":0}", text);
        var back = JsonGraphReader.Parse(text);
        Assert.Equal(text, JsonGraphWriter.Write(back));
        for (int t = 0; t < g.TensorCount; t++)
        {
            Assert.Equal(g.AliasOf(t), back.AliasOf(t));
        }
    }

    [Theory]
    [InlineData("[9]", "nodes[1] (id 1) outputs[0] alias_of: unknown node id 9")]
    [InlineData("[0, 3]", "nodes[1] (id 1) outputs[0] alias_of: node 0 has no output 3 (it has 1)")]
    [InlineData("{\"input\": 5}", "nodes[1] (id 1) outputs[0] alias_of: no graph input 5")]
    [InlineData("\"x\"", "nodes[1] (id 1) outputs[0] alias_of: expected [node id]")]
    [InlineData("[2]", "nodes[1] (id 1) outputs[0] alias_of: node 2 output 0 is not an input of this node (add the edge, or drop alias_of)")]
    [InlineData("[3]", "nodes[1] (id 1) outputs[0] alias_of: node 3 output 0 has 40 B, fewer than this output's 100 B")]
    public void Parse_BadAliasOf_NamesNodeAndField(string reference, string expected)
    {
        string json = Graph.Replace("\"alias_of\": [0]", $"\"alias_of\": {reference}", StringComparison.Ordinal)
            .Replace("[ [0, 1], [1, 2]", "[ [0, 1], [3, 1], [1, 2]", StringComparison.Ordinal);
        var ex = Assert.Throws<GraphFormatException>(() => JsonGraphReader.Parse(json, "g.json"));
        Assert.Contains(expected, ex.Message);
        Assert.StartsWith("g.json: ", ex.Message);
    }
}

public class JsonViewOpsTests
{
    [Fact]
    public void ReadFile_ViewOps_MarksTheOneSameSizeInputAndLeavesAmbiguousNodesCopies()
    {
        const string json = """
            { "nodes": [ {"id": 0, "op": "Conv", "size": 100}, {"id": 1, "op": "Constant", "size": 16},
                         {"id": 2, "op": "Reshape", "size": 100}, {"id": 3, "op": "Conv", "size": 100},
                         {"id": 4, "op": "Identity", "size": 100}, {"id": 5, "op": "Add", "size": 100} ],
              "edges": [ [0, 2], [1, 2], [0, 3], [0, 4], [3, 4], [2, 5], [4, 5] ] }
            """;
        string path = Path.Combine(Path.GetTempPath(), $"views-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var plain = JsonGraphReader.ReadFile(path);
            var marked = JsonGraphReader.ReadFile(path, MemoryModelOptions.DefaultViewOps);
            Assert.False(plain.HasAliases);
            // The Reshape reads x (100 B) and a 16-byte shape: a view of x. The Identity reads two 100-byte tensors: a copy.
            Assert.Equal(marked.Outputs(0)[0], marked.AliasOf(marked.Outputs(2)[0]));
            Assert.Equal(-1, marked.AliasOf(marked.Outputs(4)[0]));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
