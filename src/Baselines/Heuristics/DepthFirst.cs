using System.Diagnostics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// Shared pieces of the DFS-style heuristics: adjacency copied into CSR arrays (so each heuristic can sort the
/// neighbours of every op once, in its own visiting order) and an iterative post-order walk (no recursion, so a
/// 100k-op chain cannot overflow the stack).
/// </summary>
internal static class DepthFirst
{
    /// <summary>Predecessors (or successors) of every op as CSR arrays, each row sorted by <paramref name="order"/>
    /// (null keeps the graph's ascending index order). O(E log d).</summary>
    public static (int[] Offsets, int[] Targets) Adjacency(ComputationGraph graph, bool predecessors, IComparer<int>? order)
    {
        int n = graph.OpCount;
        var offsets = new int[n + 1];
        for (int v = 0; v < n; v++)
        {
            int degree = predecessors ? graph.Predecessors(v).Length : graph.Successors(v).Length;
            offsets[v + 1] = offsets[v] + degree;
        }
        var targets = new int[offsets[n]];
        for (int v = 0; v < n; v++)
        {
            var row = predecessors ? graph.Predecessors(v) : graph.Successors(v);
            row.CopyTo(targets.AsSpan(offsets[v]));
            if (order is not null && row.Length > 1)
            {
                Array.Sort(targets, offsets[v], row.Length, order);
            }
        }
        return (offsets, targets);
    }

    /// <summary>
    /// Post-order of a DFS over the CSR rows, started from each of <paramref name="roots"/> in turn (already visited
    /// roots are skipped) and following each row in its stored order. When the rows are predecessors, the result is a
    /// topological order: an op is emitted only after everything it depends on. Every op must be reachable from a root.
    /// </summary>
    public static int[] PostOrder(int[] offsets, int[] targets, ReadOnlySpan<int> roots, CancellationToken cancellationToken)
    {
        int n = offsets.Length - 1;
        var order = new int[n];
        var visited = new bool[n];
        var stack = new int[n];
        var cursor = new int[n];
        int count = 0;
        foreach (int root in roots)
        {
            if (visited[root])
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            visited[root] = true;
            cursor[root] = offsets[root];
            int top = 0;
            stack[top++] = root;
            while (top > 0)
            {
                int v = stack[top - 1];
                if (cursor[v] < offsets[v + 1])
                {
                    int w = targets[cursor[v]++];
                    if (!visited[w])
                    {
                        visited[w] = true;
                        cursor[w] = offsets[w];
                        stack[top++] = w;
                    }
                }
                else
                {
                    top--;
                    order[count++] = v;
                }
            }
        }
        Debug.Assert(count == n, "Every op must be reachable from a root.");
        return order;
    }

    /// <summary>Ops with no successors, in input order: the roots of a walk over predecessors.</summary>
    public static int[] Sinks(ComputationGraph graph)
    {
        var sinks = new List<int>();
        for (int v = 0; v < graph.OpCount; v++)
        {
            if (graph.Successors(v).Length == 0)
            {
                sinks.Add(v);
            }
        }
        return sinks.ToArray();
    }
}
