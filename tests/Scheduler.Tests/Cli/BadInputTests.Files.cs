using System.Globalization;
using System.Text.Json;
using CsCheck;
using Google.Protobuf;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Tests.Cli;

/// <summary>Bad graph files: malformed structure, sizes that overflow 64 bits, oversized files, graphs a method cannot take.</summary>
public partial class BadInputTests
{
    private static string WriteTemp(string name, string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("bad-file").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("{\"nodes\":[{\"id\":1,\"outputs\":[5]}],\"edges\":[]}", "nodes[0] (id 1) outputs[0]: an output must be an object")]
    [InlineData("{\"nodes\":[{\"id\":1,\"outputs\":5}]}", "\"outputs\" must be an array")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":1}],\"inputs\":[7]}", "inputs[0]: an input must be an object")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":1}],\"control_edges\":{}}", "\"control_edges\" must be an array")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":1.5}]}", "\"size\" must be an integer, found 1.5")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":1e400}]}", "\"size\" must be an integer")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":[1,\n2,\n3]}]}", "found [1, 2, 3]")]
    [InlineData("[]", "the top level must be an object")]
    [InlineData("", "malformed JSON")]
    public void Schedule_MalformedJson_ExitTwoNamingPlace(string json, string expected)
    {
        string file = WriteTemp("g.json", json);
        AssertBadInput(CliRunner.Run("schedule", file, "--method", "input"), file, expected);
    }

    [Fact]
    public void Schedule_TwoMaxSizeTensors_ExitTwoNamingBothTensors()
    {
        string file = WriteTemp("big.json",
            "{\"nodes\":[{\"id\":1,\"outputs\":[{\"size\":9223372036854775807,\"name\":\"a\"}]},{\"id\":2,\"outputs\":[{\"size\":9223372036854775807,\"name\":\"b\"}]},{\"id\":3,\"size\":1}],"
            + "\"edges\":[[1,3],[2,3]]}");
        foreach (string method in new[] { "input", "bfs", "best" })
        {
            AssertBadInput(CliRunner.Run("schedule", file, "--method", method), file, "more than 2^63-1 bytes",
                "output 'b' of node 2 (9223372036854775807 B)", "output 'a' of node 1");
        }
    }

    [Fact]
    public void Schedule_ResidentInputsOverflow_ExitTwoNamingInputs()
    {
        string file = WriteTemp("inputs.json",
            "{\"nodes\":[{\"id\":1,\"size\":1}],\"inputs\":[{\"name\":\"w1\",\"size\":9223372036854775000,\"consumers\":[1]},{\"name\":\"w2\",\"size\":1000,\"consumers\":[1]}]}");
        AssertBadInput(CliRunner.Run("schedule", file, "--method", "input", "--json"), file, "graph input 'w2' (1000 B)", "graph input 'w1'");
    }

    [Fact]
    public void Schedule_OnnxInitializersSumPast63Bits_ExitTwoNamingInitializers()
    {
        var graph = new GraphProto { Name = "huge" };
        foreach (string name in new[] { "w1", "w2" })
        {
            var t = new TensorProto { Name = name, DataType = 1 };
            t.Dims.Add(1L << 60); // 2^60 floats = 2^62 bytes each: fine alone, 2^63 together
            graph.Initializer.Add(t);
        }
        var add = new NodeProto { Name = "add", OpType = "Add" };
        add.Input.Add(["w1", "w2"]);
        add.Output.Add("y");
        graph.Node.Add(add);
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 1 });
        graph.Output.Add(new ValueInfoProto { Name = "y", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } });
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        string file = Path.Combine(Directory.CreateTempSubdirectory("bad-onnx").FullName, "huge.onnx");
        File.WriteAllBytes(file, model.ToByteArray());
        AssertBadInput(CliRunner.Run("schedule", file, "--method", "input"), file, "graph input 'w2'", "graph input 'w1'", "2^63-1");
    }

    [Fact]
    public void Schedule_FileOverTheTextLimit_ExitTwoNamingSizeAndLimit()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("bad-huge").FullName, "huge.json");
        using (var stream = File.Create(file))
        {
            stream.SetLength(InputFile.MaxTextBytes + 1); // sparse: no disk space is used
        }
        try
        {
            AssertBadInput(CliRunner.Run("schedule", file), file, "1000000001 bytes", "up to 1000000000 bytes");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Schedule_NameWithLineBreaksInCycle_StillOneLine()
    {
        string file = WriteTemp("cycle.json",
            "{\"nodes\":[{\"id\":1,\"name\":\"a\\nb\\r\\u0007\",\"size\":1},{\"id\":2,\"name\":\"c\\u2028d\",\"size\":1}],\"edges\":[[1,2],[2,1]]}");
        AssertBadInput(CliRunner.Run("schedule", file), file, "cycle", "a\\nb\\r\\u0007");
    }

    [Fact]
    public void Schedule_GraphOverTopoformerLimit_ExitTwoNamingLimit()
    {
        int n = Topoformer.TopoformerScheduler.MaxNodes + 1;
        var graph = ComputationGraph.FromSizes(Enumerable.Repeat(1L, n).ToArray(), Enumerable.Range(0, n - 1).Select(i => (i, i + 1)), "chain");
        string file = Path.Combine(Directory.CreateTempSubdirectory("bad-big").FullName, "chain.json");
        JsonGraphWriter.WriteFile(graph, file);
        AssertBadInput(CliRunner.Run("schedule", file, "--method", "topoformer"), file, "method 'topoformer' cannot order this graph",
            $"has {n} ops", $"limit {Topoformer.TopoformerScheduler.MaxNodes}");
    }

    [Theory]
    [InlineData("beam", "width 64 on 40000 ops", "lower --beam-width")]
    [InlineData("local", "graph has 40000 ops", "limit 32768")]
    public void Schedule_GraphTooLargeForASearch_ExitTwoNamingTheLimit(string method, string what, string why)
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("bad-big").FullName, "star.json");
        JsonGraphWriter.WriteFile(Graphs.Generators.ShapeGenerator.Generate(Graphs.Generators.GraphShape.Star, 40_000, 1), file);
        AssertBadInput(CliRunner.Run("schedule", file, "--method", method), file, $"method '{method}' cannot order this graph", what, why);
    }

    /// <summary>
    /// Random documents shaped like graph files (the right keys, wrong or extreme values, missing parts) are either
    /// scheduled (exit 0, JSON out) or refused with one line naming the file: never an internal error.
    /// </summary>
    [Fact]
    public void Schedule_RandomGraphLikeJson_ExitZeroOrTwoNamingFile()
    {
        string dir = Directory.CreateTempSubdirectory("fuzz-json").FullName;
        string file = Path.Combine(dir, "fuzz.json");
        RandomGraphJson().Sample(json =>
        {
            File.WriteAllText(file, json);
            var run = CliRunner.Run("schedule", file, "--method", "input", "--json");
            if (run.Code == 0)
            {
                using var doc = JsonDocument.Parse(run.Out);
                Assert.True(doc.RootElement.GetProperty("peak_bytes").GetInt64() >= 0);
            }
            else
            {
                AssertBadInput(run, file);
            }
        }, iter: 400, threads: 1);
    }

    private static Gen<string> RandomGraphJson()
    {
        var id = Gen.Frequency<string>((8, Gen.Int[0, 4].Select(i => i.ToString(CultureInfo.InvariantCulture))), (1, Leaf()));
        var size = Gen.Frequency<string>((6, Gen.Long[0, 100].Select(i => i.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.OneOf("9223372036854775807", "4611686018427387904", "-1")), (1, Leaf()));
        var output = Gen.Frequency<string>((6, Obj(("size", size), ("name", Str()), ("graph_output", Gen.OneOf<string>(Gen.OneOf("true", "false"), Leaf())))), (1, Leaf()));
        var node = Gen.Frequency<string>((8, Obj(("id", id), ("size", size), ("outputs", Arr(output, 0, 3)), ("name", Str()), ("op", Str()))), (1, Leaf()));
        var edge = Gen.Frequency<string>((8, Arr(id, 1, 4)), (1, Leaf()));
        var input = Gen.Frequency<string>((6, Obj(("size", size), ("consumers", Arr(id, 0, 3)), ("freeable", Gen.OneOf<string>(Gen.Const("true"), Leaf())), ("name", Str()))), (1, Leaf()));
        var root = Obj(("nodes", Arr(node, 0, 6)), ("edges", Arr(edge, 0, 8)), ("inputs", Arr(input, 0, 3)), ("control_edges", Arr(edge, 0, 3)), ("name", Str()));
        return Gen.Frequency<string>((12, root), (1, Leaf()), (1, Gen.String[0, 20]));
    }

    /// <summary>Any JSON scalar or empty container, extremes included.</summary>
    private static Gen<string> Leaf() => Gen.OneOf<string>(
        Gen.OneOf("null", "true", "[]", "{}", "1.5", "-0", "1e400", "\"x\""),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)), Str());

    private static Gen<string> Str() => Gen.String[0, 8].Select(s => JsonSerializer.Serialize(s));

    /// <summary>An object with each of <paramref name="fields"/> present or not (mostly present).</summary>
    private static Gen<string> Obj(params (string Key, Gen<string> Value)[] fields)
        => fields
            .Select(f => Gen.Frequency<string>((5, f.Value.Select(v => $"\"{f.Key}\":{v}")), (1, Gen.Const(""))))
            .Aggregate(Gen.Const(""), (acc, g) => Gen.Select(acc, g, (a, v) => a.Length == 0 ? v : v.Length == 0 ? a : a + "," + v))
            .Select(body => "{" + body + "}");

    private static Gen<string> Arr(Gen<string> item, int min, int max)
        => item.Array[min, max].Select(items => "[" + string.Join(",", items) + "]");
}
