using Microsoft.CodeAnalysis;

namespace Scheduler.Build.Tests;

public sealed partial class PlanGeneratorTests
{
    [Fact]
    public void Diagnose_GraphError_Sched001AtGraphLineWithStubClass()
    {
        string text = Plans.Error("graph", "The graph has a cycle: 1 (a) -> 2 (b) -> 1.", 7, 3);
        var run = GeneratorHarness.Run([Plans.DiamondInput("Diamond", text)], code: "class Use { long P() { return Scheduler.Generated.Diamond.PeakBytes; } }");
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("SCHED001", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("Cannot plan graphs/diamond.json: The graph has a cycle: 1 (a) -> 2 (b) -> 1.", d.GetMessage());
        var at = d.Location.GetLineSpan();
        Assert.Equal("/p/graphs/diamond.json", at.Path);
        Assert.Equal((6, 2), (at.StartLinePosition.Line, at.StartLinePosition.Character));
        // The stub keeps uses of the class compiling, so SCHED001 is the build's only error.
        Assert.DoesNotContain(run.Output.GetDiagnostics(), e => e.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Diagnose_OptionsError_Sched004()
    {
        var run = GeneratorHarness.Run([Plans.DiamondInput("Diamond", Plans.Error("options", "Effort 'x' must be a positive number.", 0, 0))]);
        Assert.Equal("SCHED004", Assert.Single(run.Diagnostics).Id);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("209", true)]
    [InlineData("210", false)]
    [InlineData("4194304", false)]
    public void Diagnose_Budget_Sched002WhenArenaExceedsIt(string budget, bool expected)
    {
        var run = GeneratorHarness.Run([Plans.DiamondInput("Diamond")], budget);
        Assert.Equal(expected, run.WithId("SCHED002").Any());
        if (expected)
        {
            var d = run.WithId("SCHED002").Single();
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal($"graphs/diamond.json needs 210 bytes of arena (peak 210 bytes), over SchedulerMemoryBudget {budget} bytes", d.GetMessage());
            Assert.Equal("/p/graphs/diamond.json", d.Location.GetLineSpan().Path);
        }
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-5")]
    [InlineData("0")]
    public void Diagnose_BadBudget_Sched004(string budget)
    {
        var run = GeneratorHarness.Run([Plans.DiamondInput("Diamond")], budget);
        Assert.Contains("SchedulerMemoryBudget", Assert.Single(run.WithId("SCHED004")).GetMessage());
    }

    [Fact]
    public void Diagnose_NotProven_Sched003InfoWithGap()
    {
        var run = GeneratorHarness.Run([Plans.DiamondInput("Diamond", Plans.Diamond(proven: false, peak: 240, bound: 200, arena: 250, capped: true))]);
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("SCHED003", d.Id);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.StartsWith("graphs/diamond.json: peak 240 bytes (by local) is not proven optimal; the lower bound is 200 bytes, a gap of 40 bytes (20.0", d.GetMessage());
        Assert.Contains("safety cap", d.GetMessage());
    }

    [Fact]
    public void Diagnose_FailedMethod_Sched005()
    {
        var run = GeneratorHarness.Run([Plans.DiamondInput("Diamond", Plans.Diamond(failures: Plans.Failure("cpsat", "no native library")))]);
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("SCHED005", d.Id);
        Assert.Equal("graphs/diamond.json: method 'cpsat' failed at build time and was skipped: no native library", d.GetMessage());
    }

    [Theory]
    [InlineData("class")]
    [InlineData("My-Plan")]
    [InlineData("1st")]
    public void Diagnose_InvalidClassName_Sched004AndNoSource(string name)
    {
        var run = GeneratorHarness.Run([Plans.DiamondInput(name)]);
        Assert.Contains(name, Assert.Single(run.WithId("SCHED004")).GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Diagnose_TwoItemsOneClassName_Sched004ForTheSecond()
    {
        var other = new PlanInput("/p/obj/scheduler/other.plan.json", Plans.Diamond(), "/p/graphs/other.json", "graphs/other.json", "Diamond");
        var run = GeneratorHarness.Run([other, Plans.DiamondInput("Diamond")]);
        Assert.Single(run.Sources);
        var d = Assert.Single(run.WithId("SCHED004"));
        Assert.Contains("already used by graphs/diamond.json", d.GetMessage());
        Assert.Equal("/p/graphs/other.json", d.Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("not json", "is not a plan")]
    [InlineData("""{ "format": 2 }""", "format 2")]
    [InlineData("""{ "format": 1, "planner": "x" }""", "missing \"graph\"")]
    public void Diagnose_BadPlanFile_Sched006WithStub(string? text, string expected)
    {
        var run = GeneratorHarness.Run([Plans.DiamondInput("Diamond", text) with { Text = text }]);
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("SCHED006", d.Id);
        Assert.Contains(expected, d.GetMessage());
        Assert.Single(run.Sources);
    }
}
