using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Topoformer;

/// <summary>
/// Cheap orders computed in Scheduler.Graphs' terms: imitation teachers for training and reference points for
/// evaluation. Ties break by input order.
/// </summary>
public static class SimpleOrders
{
    /// <summary>Kahn's FIFO order (<c>bfs</c>).</summary>
    public static int[] Kahn(ComputationGraph graph) => TopologicalSort.KahnOrder(graph);

    /// <summary>
    /// Memory greedy: among ready ops run the one with the smallest net change (outputs allocated − bytes freed),
    /// then the smallest step memory. Myopic: on layered graphs it can be worse than Kahn because it delays ops whose
    /// outputs free nothing yet but unlock frees later (measured-headroom.md: ≈3.5× vs Kahn's ≈3.25× the bound).
    /// O(N·R·deg) with R the ready-list size.
    /// </summary>
    public static int[] MemoryGreedy(ComputationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.OpCount;
        var sim = new MemorySimulator(graph);
        var indegree = new int[n];
        var ready = new List<int>();
        for (int v = 0; v < n; v++)
        {
            indegree[v] = graph.Predecessors(v).Length;
            if (indegree[v] == 0)
            {
                ready.Add(v);
            }
        }
        var order = new int[n];
        for (int t = 0; t < n; t++)
        {
            int best = -1;
            long bestNet = 0, bestStep = 0;
            foreach (int v in ready)
            {
                long net = graph.OutputBytes(v) - sim.FreedBy(v), step = sim.StepBytes(v);
                if (best < 0 || net < bestNet || (net == bestNet && (step < bestStep || (step == bestStep && v < best))))
                {
                    (best, bestNet, bestStep) = (v, net, step);
                }
            }
            ready.Remove(best);
            sim.Execute(best);
            order[t] = best;
            foreach (int w in graph.Successors(best))
            {
                if (--indegree[w] == 0)
                {
                    ready.Add(w);
                }
            }
        }
        return order;
    }

    /// <summary>
    /// DFS post-order: for each sink in input order, emit its unvisited predecessors depth-first (lower index first),
    /// then the sink. Finishes one branch before starting the next, so intermediate results die early.
    /// </summary>
    public static int[] DfsPostOrder(ComputationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.OpCount;
        var visited = new bool[n];
        var order = new List<int>(n);
        var stack = new Stack<(int Op, int Next)>();
        for (int root = 0; root < n; root++)
        {
            if (graph.Successors(root).Length != 0 || visited[root])
            {
                continue;
            }
            visited[root] = true;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (op, next) = stack.Pop();
                var preds = graph.Predecessors(op);
                while (next < preds.Length && visited[preds[next]])
                {
                    next++;
                }
                if (next == preds.Length)
                {
                    order.Add(op);
                    continue;
                }
                stack.Push((op, next + 1));
                visited[preds[next]] = true;
                stack.Push((preds[next], 0));
            }
        }
        return order.ToArray();
    }

    /// <summary>The lowest-peak of <see cref="Kahn"/>, <see cref="MemoryGreedy"/> and <see cref="DfsPostOrder"/>.</summary>
    public static int[] BestSimple(ComputationGraph graph)
    {
        int[][] candidates = [Kahn(graph), MemoryGreedy(graph), DfsPostOrder(graph)];
        int[] best = candidates[0];
        long bestPeak = MemoryModel.Evaluate(graph, best);
        for (int i = 1; i < candidates.Length; i++)
        {
            long peak = MemoryModel.Evaluate(graph, candidates[i]);
            if (peak < bestPeak)
            {
                (best, bestPeak) = (candidates[i], peak);
            }
        }
        return best;
    }
}
