namespace Scheduler.Build.Planner.Tests;

/// <summary>The planner as the Scheduler.Build targets run it: exit codes and what the plan file says.</summary>
public sealed class PlannerExeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("planner-exe-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Exec_GoodGraph_ExitZeroAndPlan()
    {
        var (code, output, plan) = PlanFiles.Exec(Write("ok.json", """{"nodes": [{"id": 1, "size": 4}, {"id": 2, "size": 8}], "edges": [[1, 2]]}"""));
        Assert.Equal(0, code);
        Assert.Contains("peak 12 B", output);
        Assert.Equal([1L, 2L], plan!.Value.GetProperty("order").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public void Exec_CyclicGraph_ExitTwoErrorNamesTheCycleAtItsFirstNode()
    {
        string path = Write("cycle.json", """
            {
              "nodes": [
                {"id": 1, "name": "a", "size": 4},
                {"id": 2, "name": "b", "size": 4},
                {"id": 3, "name": "c", "size": 4}
              ],
              "edges": [[1, 2], [2, 3], [3, 2]]
            }
            """);
        var (code, _, plan) = PlanFiles.Exec(path);
        Assert.Equal(2, code);
        var error = plan!.Value.GetProperty("error");
        Assert.Equal("graph", error.GetProperty("kind").GetString());
        string message = error.GetProperty("message").GetString()!;
        Assert.Contains("cycle", message);
        Assert.Contains("2 (b)", message);
        Assert.Contains("3 (c)", message);
        Assert.DoesNotContain(path, message);
        int line = error.GetProperty("line").GetInt32();
        Assert.True(line is 4 or 5, $"line {line}: the line of node 2 or 3");
    }

    [Fact]
    public void Exec_MalformedJson_ErrorAtLineAndColumn()
    {
        var (code, _, plan) = PlanFiles.Exec(Write("bad.json", "{\n  \"nodes\": [\n    {\"id\": 1,, \"size\": 4}\n  ]\n}"));
        Assert.Equal(2, code);
        var error = plan!.Value.GetProperty("error");
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 1);
        Assert.StartsWith("malformed JSON", error.GetProperty("message").GetString());
    }

    [Fact]
    public void Exec_MissingFile_GraphError()
    {
        var (code, _, plan) = PlanFiles.Exec(Path.Combine(_dir, "nope.onnx"));
        Assert.Equal(2, code);
        Assert.Equal("graph", plan!.Value.GetProperty("error").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("--methods", "bfs;warp-drive", "Unknown method 'warp-drive'")]
    [InlineData("--effort", "fast", "Effort 'fast'")]
    [InlineData("--in-place", "yes", "InPlace 'yes'")]
    [InlineData("--dims", "batch", "Dims entry 'batch'")]
    public void Exec_BadMetadata_ExitTwoOptionsError(string option, string value, string expected)
    {
        var (code, _, plan) = PlanFiles.Exec(Write("ok.json", """{"nodes": [{"id": 1, "size": 4}], "edges": []}"""), option, value);
        Assert.Equal(2, code);
        var error = plan!.Value.GetProperty("error");
        Assert.Equal("options", error.GetProperty("kind").GetString());
        Assert.Contains(expected, error.GetProperty("message").GetString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
