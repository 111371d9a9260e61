using QuikGraph;

namespace Scheduler.Graphs.Topology;

/// <summary>
/// Views a <see cref="ComputationGraph"/>'s op-level dependencies as a QuikGraph graph, so the library's algorithms
/// (search, shortest paths, condensation, ...) can be used on it. Our hot paths stay on the CSR arrays; QuikGraph is
/// for analysis and for cross-checking our own topology code in tests.
/// </summary>
public static class QuikGraphAdapter
{
    /// <summary>A bidirectional graph whose vertices are op indices and whose edges are the op dependencies.</summary>
    public static BidirectionalGraph<int, SEdge<int>> ToBidirectionalGraph(ComputationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = new BidirectionalGraph<int, SEdge<int>>(allowParallelEdges: false, vertexCapacity: graph.OpCount, edgeCapacity: graph.EdgeCount);
        for (int v = 0; v < graph.OpCount; v++)
        {
            result.AddVertex(v);
        }
        for (int u = 0; u < graph.OpCount; u++)
        {
            foreach (int w in graph.Successors(u))
            {
                result.AddEdge(new SEdge<int>(u, w));
            }
        }
        return result;
    }
}
