using Scheduler.Graphs;
using Scheduler.Graphs.Formats;

namespace Scheduler.Graphs.Tests.Formats;

public class JsonGraphReaderTests
{
    [Theory]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":3},", "f.json:1:")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":3},{\"id\":1,\"size\":4}],\"edges\":[]}", "nodes[1] (id 1): duplicate node id 1")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":-3}],\"edges\":[]}", "nodes[0] (id 1): negative size -3")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":3}],\"edges\":[[1,9]]}", "edges[0]: unknown node id 9")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":3},{\"id\":2,\"size\":3}],\"edges\":[[1,2,4]]}", "node 1 has no output 4")]
    [InlineData("{\"nodes\":[{\"id\":1}],\"edges\":[]}", "nodes[0] (id 1): missing \"size\"")]
    [InlineData("{\"edges\":[]}", "missing array \"nodes\"")]
    [InlineData("[1,2]", "the top level must be an object")]
    public void Parse_BadInput_NamesFileAndPlace(string json, string expected)
    {
        var ex = Assert.Throws<GraphFormatException>(() => JsonGraphReader.Parse(json, "f.json"));
        Assert.StartsWith("f.json", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Parse_Cycle_NamesNodesOnTheCycle()
    {
        const string json = "{\"nodes\":[{\"id\":10,\"size\":1},{\"id\":20,\"size\":1},{\"id\":30,\"size\":1},{\"id\":40,\"size\":1}],"
            + "\"edges\":[[10,20],[20,30],[30,40],[40,20]]}";
        var ex = Assert.Throws<GraphFormatException>(() => JsonGraphReader.Parse(json, "c.json"));
        var cycle = Assert.IsType<CycleException>(ex.InnerException);
        Assert.Equal(new long[] { 20, 30, 40 }, cycle.CycleIds.Order().ToArray());
        Assert.Contains("20 -> 30 -> 40 -> 20", ex.Message);
    }

    [Fact]
    public void Parse_TensorForm_ReadsOutputsInputsAndControlEdges()
    {
        const string json = """
            {"name":"t","nodes":[
              {"id":5,"name":"split","op":"Split","outputs":[{"name":"a","size":10},{"name":"b","size":20,"graph_output":true}]},
              {"id":6,"size":7}],
             "edges":[[5,6,1]],
             "inputs":[{"name":"w","size":100,"consumers":[5]},{"name":"x","size":8,"freeable":true,"consumers":[5,6]}],
             "control_edges":[[5,6]]}
            """;
        var g = JsonGraphReader.Parse(json);
        Assert.Equal(("t", 2, 5), (g.Name, g.OpCount, g.TensorCount));
        Assert.Equal(30, g.OutputBytes(0));
        Assert.Equal(100, g.ResidentBytes);
        Assert.True(g.IsGraphOutput(g.Outputs(0)[1]));
        Assert.Equal(new[] { 1 }, g.Consumers(g.Outputs(0)[1]).ToArray());
        Assert.Equal(new[] { 1 }, g.Successors(0).ToArray());
    }

    [Fact]
    public void Write_ThenParse_RoundTripsEverything()
    {
        for (int seed = 0; seed < 30; seed++)
        {
            var g = MemoryModelTests.RandomMultiOutputGraph(seed);
            string text = JsonGraphWriter.Write(g);
            var back = JsonGraphReader.Parse(text);
            Assert.Equal(text, JsonGraphWriter.Write(back));
            var order = Enumerable.Range(0, g.OpCount).ToArray();
            Assert.Equal(MemoryModel.Profile(g, order), MemoryModel.Profile(back, order));
            Assert.Equal(g.ResidentBytes, back.ResidentBytes);
        }
    }

    [Fact]
    public void WriteFile_InScheduledOrder_PutsNodesInThatOrder()
    {
        var g = ComputationGraph.FromSizes([1, 2, 3], [(0, 2)]);
        string path = Path.Combine(Path.GetTempPath(), $"order-{Guid.NewGuid():N}.json");
        JsonGraphWriter.WriteFile(g, path, [1, 0, 2]);
        var back = JsonGraphReader.ReadFile(path);
        File.Delete(path);
        Assert.Equal(new long[] { 1, 0, 2 }, Enumerable.Range(0, 3).Select(back.OpId).ToArray());
        Assert.Equal(new[] { 2 }, back.Successors(1).ToArray());
    }

    [Fact]
    public void ReadFile_Missing_NamesTheFile()
        => Assert.Contains("nope.json", Assert.Throws<GraphFormatException>(() => JsonGraphReader.ReadFile("nope.json")).Message);

    [Fact]
    public void Write_FanInWithControlEdges_KeepsOnlyTheUnexplainedEdges()
    {
        // 100,000 inputs into one op: finding the control edges must not scan the sink's inputs once per edge.
        const int n = 100_000;
        var b = new GraphBuilder("fan");
        var outputs = Enumerable.Range(0, n).Select(i => b.AddOutput(b.AddOp(i), 1 + i % 3)).ToArray();
        for (int i = 0; i < n - 1; i++)
        {
            b.AddUse(outputs[i], n - 1);
        }
        b.AddControlEdge(0, 1);
        b.AddControlEdge(5, n - 1);
        var g = b.Build();
        string text = JsonGraphWriter.Write(g);
        Assert.Contains("\"control_edges\": [\n    [0, 1]\n  ]", text);
        var back = JsonGraphReader.Parse(text);
        Assert.Equal(text, JsonGraphWriter.Write(back));
        Assert.Equal(new[] { 1, n - 1 }, back.Successors(0).ToArray());
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    [InlineData("utf-8")]
    public void ReadFile_ByteOrderMarks_ReadAsText(string encoding)
    {
        // The reader parses UTF-8 bytes directly; a BOM, or a UTF-16 file, still reads as File.ReadAllText would.
        const string json = "{\"nodes\":[{\"id\":1,\"name\":\"é\",\"size\":3}],\"edges\":[]}";
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(json)],
            "utf-16" => System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(json)).ToArray(),
            _ => System.Text.Encoding.UTF8.GetBytes(json),
        };
        string path = Path.Combine(Path.GetTempPath(), $"bom-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, bytes);
        var g = JsonGraphReader.ReadFile(path);
        File.Delete(path);
        Assert.Equal(("é", 3L), (g.OpName(0), g.OutputBytes(0)));
    }

    [Fact]
    public void Parse_ProblemDeepInALargeFile_NamesItsPlace()
    {
        // Places are formatted only for messages; the one that fails still gets its full name.
        const int n = 50_000;
        var nodes = string.Join(",", Enumerable.Range(0, n).Select(i => $"{{\"id\":{i},\"size\":1}}"));
        var edges = string.Join(",", Enumerable.Range(0, n - 1).Select(i => i == n - 2 ? $"[{i},{n + 5}]" : $"[{i},{i + 1}]"));
        var ex = Assert.Throws<GraphFormatException>(() => JsonGraphReader.Parse($"{{\"nodes\":[{nodes},{{\"id\":-1,\"outputs\":[{{\"size\":1}},5]}}],\"edges\":[]}}", "big.json"));
        Assert.Equal($"big.json: nodes[{n}] (id -1) outputs[1]: an output must be an object with \"size\" (and optional \"name\", \"graph_output\"), found 5", ex.Message);
        ex = Assert.Throws<GraphFormatException>(() => JsonGraphReader.Parse($"{{\"nodes\":[{nodes}],\"edges\":[{edges}]}}", "big.json"));
        Assert.Equal($"big.json: edges[{n - 2}]: unknown node id {n + 5}", ex.Message);
    }
}
