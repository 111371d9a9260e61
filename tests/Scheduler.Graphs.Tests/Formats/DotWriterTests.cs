using Scheduler.Graphs;
using Scheduler.Graphs.Formats;

namespace Scheduler.Graphs.Tests.Formats;

public class DotWriterTests
{
    [Fact]
    public void Write_WithOrder_HasEveryNodeEdgeAndStepMemory()
    {
        var g = ComputationGraph.FromSizes([5, 7, 3], [(0, 1), (1, 2)], "chain");
        string dot = DotWriter.Write(g, [0, 1, 2]);
        Assert.StartsWith("digraph \"chain\" {", dot);
        Assert.Contains("n0 -> n1;", dot);
        Assert.Contains("n1 -> n2;", dot);
        Assert.Contains("step 1: 12 B live", dot);
        Assert.Throws<InvalidScheduleException>(() => DotWriter.Write(g, [2, 1, 0]));
    }

    [Fact]
    public void Write_UnderViews_StepMemoryOfThatModelAndViewsDashed()
    {
        var g = Scheduler.Testing.ViewGraphs.ReshapeChain();
        var views = MemoryModelOptions.Parse("views")!;
        string dot = DotWriter.Write(g, [0, 1, 2, 3, 4], views);
        Assert.Contains("label=\"memory model: views\";", dot);
        Assert.Contains("r1\\nview, 0 B\\nstep 1: 100 B live\", style=dashed", dot);
        Assert.DoesNotContain("memory model", DotWriter.Write(g, [0, 1, 2, 3, 4]));
        Assert.Contains("step 2: 300 B live", DotWriter.Write(g, [0, 1, 2, 3, 4]));
    }
}
