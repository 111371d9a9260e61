using Scheduler.Graphs;

namespace Scheduler.Build.Planner.Tests;

public sealed class PlanRequestTests
{
    [Fact]
    public void Parse_OnlyPaths_BuildTimeDefaults()
    {
        var r = PlanRequest.Parse(["g.json", "--out", "p.json"]);
        Assert.Equal(PlanRequest.DefaultMethods, r.Methods);
        Assert.DoesNotContain("topoformer", r.Methods);
        Assert.DoesNotContain("cpsat", r.Methods);
        Assert.Equal(1, r.Effort);
        Assert.False(r.InPlace);
        Assert.False(r.Views);
        Assert.Null(r.JsonViewOps);
        Assert.Equal(MemoryModelOptions.DefaultViewOps, r.Onnx.ViewOps);
    }

    [Fact]
    public void Parse_EmptyValues_MeanDefaults()
    {
        // The targets pass every metadata value, set or not.
        var r = PlanRequest.Parse(["g.onnx", "--out", "p", "--methods", "", "--effort", "", "--in-place", "", "--views", "", "--view-ops", "", "--dims", "", "--unknown-size", "", "--freeable-inputs", ""]);
        Assert.Equal(PlanRequest.DefaultMethods, r.Methods);
        Assert.Equal(1, r.Effort);
        Assert.Null(r.Onnx.UnknownSizeBytes);
        Assert.Empty(r.Onnx.Dims);
        Assert.True(r.PassOptions.Memory.IsDefault);
        Assert.Null(r.JsonViewOps);
    }

    [Fact]
    public void Parse_Values_Bound()
    {
        var r = PlanRequest.Parse(["g.onnx", "--out", "p", "--methods", " bfs ; lpmf,local ", "--effort", "2", "--in-place", "True",
            "--dims", "batch=1;seq=128", "--unknown-size", "64", "--freeable-inputs", "true", "--views", "true", "--view-ops", "Reshape;Transpose"]);
        Assert.Equal(["bfs", "lpmf", "local"], r.Methods.ToArray());
        Assert.Equal(2, r.Effort);
        Assert.True(r.InPlace);
        Assert.True(r.PassOptions.Memory.InPlace);
        Assert.Equal(2, r.PassOptions.Settings.Effort);
        Assert.Equal(128, r.Onnx.Dims["seq"]);
        Assert.Equal(64, r.Onnx.UnknownSizeBytes);
        Assert.True(r.Onnx.FreeableInputs);
        Assert.Equal("in-place+views", r.PassOptions.Memory.Name);
        Assert.True(r.Onnx.ViewOps.SetEquals(["reshape", "transpose"]));
        Assert.Equal(r.Onnx.ViewOps, r.JsonViewOps);
    }

    [Theory]
    [InlineData(new[] { "g.json" }, false)]
    [InlineData(new[] { "--out", "p" }, true)]
    [InlineData(new[] { "g.json", "--out", "p", "--frobnicate" }, true)]
    [InlineData(new[] { "g.json", "--out", "p", "--effort", "-1" }, true)]
    public void Parse_Bad_UsageExceptionWithPlanPathWhenKnown(string[] args, bool planKnown)
    {
        var ex = Assert.Throws<PlanUsageException>(() => PlanRequest.Parse(args));
        Assert.Equal(planKnown, ex.PlanPath is not null);
    }
}
