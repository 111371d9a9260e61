using QuikGraph;
using QuikGraph.Algorithms;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests.Topology;

public class QuikGraphAdapterTests
{
    [Fact]
    public void ToBidirectionalGraph_RandomDags_QuikGraphAgreesWithOurTopology()
    {
        for (int seed = 0; seed < 30; seed++)
        {
            var g = TestData.RandomDag(seed, 80);
            var q = QuikGraphAdapter.ToBidirectionalGraph(g);
            Assert.Equal((g.OpCount, g.EdgeCount), (q.VertexCount, q.EdgeCount));
            Assert.True(q.IsDirectedAcyclicGraph(), $"seed {seed}");
            var order = q.TopologicalSort().ToArray();
            Assert.True(MemoryModel.IsValid(g, order, out string? why), $"seed {seed}: {why}");
            var reach = Reachability.Compute(g);
            for (int v = 0; v < g.OpCount; v += 7)
            {
                var viaQuik = new HashSet<int>();
                var dfs = new QuikGraph.Algorithms.Search.DepthFirstSearchAlgorithm<int, SEdge<int>>(q);
                dfs.DiscoverVertex += x => viaQuik.Add(x);
                dfs.Compute(v);
                viaQuik.Remove(v);
                Assert.Equal(reach.Descendants(v).Ones().Order(), viaQuik.Order());
            }
        }
    }
}
