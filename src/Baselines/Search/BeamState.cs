using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Search;

/// <summary>One partial order in the beam: its scheduled set, simulator, ready ops and trace entry.</summary>
internal sealed class BeamState
{
    private BeamState(MemorySimulator sim, ulong[] bits, ulong hash, int[] ready, int traceIndex)
    {
        Sim = sim;
        Bits = bits;
        Hash = hash;
        Ready = ready;
        TraceIndex = traceIndex;
    }

    public MemorySimulator Sim { get; }

    public ulong[] Bits { get; }

    public ulong Hash { get; }

    /// <summary>Ops whose predecessors are all scheduled, ascending.</summary>
    public int[] Ready { get; }

    public int TraceIndex { get; }

    public static BeamState Initial(ComputationGraph graph, MemoryModelOptions memory)
    {
        int[] sources = new ReadyTracker(graph).Sources.ToArray();
        return new BeamState(new MemorySimulator(graph, memory), new ulong[(graph.OpCount + 63) >> 6], 0, sources, -1);
    }

    /// <summary>The child that runs <paramref name="op"/> next (this state is left unchanged).</summary>
    public BeamState Extend(ComputationGraph graph, int op, ulong hash, BeamTrace trace)
    {
        var sim = Sim.Clone();
        sim.Execute(op);
        var bits = (ulong[])Bits.Clone();
        bits[op >> 6] |= 1UL << (op & 63);
        var ready = new List<int>(Ready.Length + graph.Successors(op).Length);
        foreach (int v in Ready)
        {
            if (v != op)
            {
                ready.Add(v);
            }
        }
        foreach (int w in graph.Successors(op))
        {
            if (AllScheduled(graph.Predecessors(w), bits))
            {
                ready.Add(w);
            }
        }
        // Keeping Ready sorted keeps candidate generation in input order, which the tie-break relies on.
        ready.Sort();
        return new BeamState(sim, bits, hash, ready.ToArray(), trace.Add(op, TraceIndex));
    }

    private static bool AllScheduled(ReadOnlySpan<int> ops, ulong[] bits)
    {
        foreach (int p in ops)
        {
            if ((bits[p >> 6] & (1UL << (p & 63))) == 0)
            {
                return false;
            }
        }
        return true;
    }
}
