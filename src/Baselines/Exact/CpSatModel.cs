using System.Diagnostics.CodeAnalysis;
using Google.OrTools.Sat;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// The CP-SAT position model of minimum-peak scheduling (a cumulative-resource reading of the problem as in
/// Steiner et al., "MODeL: Memory Optimizations for Deep Learning", ICML 2023, here with positions instead of
/// time-indexed booleans). Each op gets a position 0..N−1, all different; every edge u→w gives pos[u] &lt; pos[w].
/// Each non-resident tensor is an interval over the steps where <see cref="MemorySimulator"/> counts it: from its
/// producer's step (so an op's outputs count at its own step) to its last consumer's step inclusive; graph outputs to
/// the end; an unconsumed output only at its producer's step; a freeable input from step 0. A cumulative constraint
/// whose capacity is the peak variable bounds every step's live bytes, and the peak is minimised.
/// </summary>
internal sealed class CpSatModel
{
    private CpSatModel(int n)
    {
        Model = new CpModel();
        Positions = new IntVar[n];
    }

    /// <summary>
    /// Builds the model with <paramref name="upperBound"/> as the peak's upper bound; false when <paramref name="cap"/>
    /// is reached first (the build is charged per constraint, so a huge graph cannot overrun the cap here).
    /// </summary>
    public static bool TryBuild(GraphAnalysis analysis, long upperBound, SafetyCap cap, [NotNullWhen(true)] out CpSatModel? model)
    {
        var graph = analysis.Graph;
        int n = graph.OpCount;
        model = new CpSatModel(n);
        var m = model.Model;
        for (int v = 0; v < n; v++)
        {
            model.Positions[v] = m.NewIntVar(0, Math.Max(0, n - 1), $"pos{v}");
        }
        m.AddAllDifferent(model.Positions.Select(p => (LinearExpr)p));
        for (int u = 0; u < n; u++)
        {
            foreach (int w in graph.Successors(u))
            {
                m.Add(model.Positions[u] < model.Positions[w]);
            }
            if (cap.ReachedAfter(1 + graph.Successors(u).Length))
            {
                return false;
            }
        }
        model.Peak = m.NewIntVar(analysis.LowerBound, upperBound, "peak");
        var cumulative = m.AddCumulative(model.Peak);
        var reach = analysis.Reachability;
        for (int t = 0; t < graph.TensorCount; t++)
        {
            if (graph.IsResident(t) || graph.TensorSize(t) == 0 || (graph.Producer(t) < 0 && graph.Consumers(t).Length == 0))
            {
                continue;
            }
            LinearExpr start = graph.Producer(t) < 0 ? LinearExpr.Constant(0) : model.Positions[graph.Producer(t)];
            LinearExpr end = graph.IsGraphOutput(t) ? LinearExpr.Constant(n) : model.LastUseEnd(graph, reach, t);
            var length = m.NewIntVar(1, n, $"len{t}");
            cumulative.AddDemand(m.NewIntervalVar(start, length, end, $"t{t}"), graph.TensorSize(t));
            int consumers = graph.Consumers(t).Length;
            if (cap.ReachedAfter(1 + consumers * consumers))
            {
                return false;
            }
        }
        m.Minimize(model.Peak);
        return true;
    }

    public CpModel Model { get; }

    public IntVar[] Positions { get; }

    public IntVar Peak { get; private set; } = null!;

    /// <summary>Hints a known order (the solver starts from it).</summary>
    public void Hint(int[] order, long peak)
    {
        for (int k = 0; k < order.Length; k++)
        {
            Model.AddHint(Positions[order[k]], k);
        }
        Model.AddHint(Peak, peak);
    }

    /// <summary>
    /// One past the last consumer's position. Consumers that are ancestors of another consumer always run earlier, so
    /// only the maximal ones enter the max (often just one, which needs no extra variable).
    /// </summary>
    private LinearExpr LastUseEnd(ComputationGraph graph, Reachability reach, int t)
    {
        var consumers = graph.Consumers(t);
        if (consumers.Length == 0)
        {
            return Positions[graph.Producer(t)] + 1;
        }
        var last = new List<LinearExpr>();
        foreach (int c in consumers)
        {
            bool dominated = false;
            foreach (int other in consumers)
            {
                dominated |= other != c && reach.Descendants(c).Get(other);
            }
            if (!dominated)
            {
                last.Add(Positions[c] + 1);
            }
        }
        if (last.Count == 1)
        {
            return last[0];
        }
        var end = Model.NewIntVar(1, graph.OpCount, $"end{t}");
        Model.AddMaxEquality(end, last);
        return end;
    }
}
