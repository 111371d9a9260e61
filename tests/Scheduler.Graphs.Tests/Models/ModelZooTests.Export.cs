using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Models;
using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs.Tests.Models;

public partial class ModelZooTests
{
    [Theory]
    [InlineData("llava-drafter-115m-adapter", "prefill")]
    [InlineData("opt-125m", "tree-verify")]
    [InlineData("llama2-chat-drafter-115m", "spec-step")]
    [InlineData("opt-125m", "train-step")]
    public void Build_JsonRoundTrip_KeepsSizesResidentBytesAndPeaks(string preset, string phase)
    {
        // `scheduler models export` writes these graphs with JsonGraphWriter; a reader must get the same memory picture.
        var g = ModelZoo.Build(preset, ModelPhase.Parse(phase, seq: 8, context: 16, draft: 2, tree: 4));
        var back = JsonGraphReader.Parse(JsonGraphWriter.Write(g));
        Assert.Equal(g.OpCount, back.OpCount);
        Assert.Equal(g.EdgeCount, back.EdgeCount);
        Assert.Equal(g.ResidentBytes, back.ResidentBytes);
        var fileOrder = Enumerable.Range(0, g.OpCount).ToArray();
        Assert.Equal(MemoryModel.Evaluate(g, fileOrder), MemoryModel.Evaluate(back, fileOrder));
        var kahn = TopologicalSort.KahnOrder(g);
        Assert.Equal(MemoryModel.Evaluate(g, kahn), MemoryModel.Evaluate(back, kahn));
        Assert.Equal(MemoryModel.CutBound(g), MemoryModel.CutBound(back));
        Assert.Equal(g.OpName(g.OpCount - 1), back.OpName(back.OpCount - 1));
    }
}
