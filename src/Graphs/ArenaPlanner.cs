using System.Collections.Immutable;

namespace Scheduler.Graphs;

/// <summary>
/// Assigns every non-resident tensor an offset in one arena for a given order — the "arena size after offset
/// assignment" option of docs/DESIGN.md §2, which shows what fragmentation adds on top of the live-byte peak.
/// </summary>
/// <remarks>
/// <para>Lifetimes and the peak are read off <see cref="MemorySimulator"/> running the order (it also decides in-place
/// reuse), so they follow the memory model exactly: a buffer lives from its producer's step to its last consumer's
/// step; graph outputs to the last step; an output nobody reads only during its producer's step; freeable inputs from
/// step 0 to their last consumer. Under in-place reuse an output that took over a dying input's storage joins that
/// input's buffer, which then lives on to the output's end. So at every step the live buffers' sizes sum to the
/// model's step memory (tested), and the arena is at least the peak.</para>
/// <para>Offsets come from the greedy-by-size heuristic (Pisarchyk &amp; Lee, "Efficient Memory Management for Deep
/// Neural Net Inference", 2020; TensorFlow Lite's <c>GreedyMemoryPlanner</c>): take buffers largest first (ties: the
/// earlier first step, then creation order) and put each at the lowest offset where it overlaps no already placed
/// buffer that is live at a common step. O(B²) for B buffers. A chain of same-size buffers with disjoint lifetimes
/// lands at offset 0 repeatedly, so a chain needs no more than its peak; on branchy graphs the arena can exceed it.</para>
/// </remarks>
public static class ArenaPlanner
{
    /// <summary>Plans the arena for a valid <paramref name="order"/> under <paramref name="options"/> (null: the
    /// default model).</summary>
    /// <exception cref="InvalidScheduleException">The order is not a permutation or violates an edge.</exception>
    public static ArenaPlan Plan(ComputationGraph graph, ReadOnlySpan<int> order, MemoryModelOptions? options = null)
    {
        options ??= MemoryModelOptions.Default;
        MemoryModel.Validate(graph, order);
        var (first, last, size, tensorBuffer, peak) = Lifetimes(graph, order, options);
        var offsets = Place(first, last, size);
        var buffers = ImmutableArray.CreateBuilder<ArenaBuffer>(size.Count);
        long arena = 0;
        for (int b = 0; b < size.Count; b++)
        {
            buffers.Add(new ArenaBuffer(offsets[b], size[b], first[b], last[b]));
            arena = Math.Max(arena, offsets[b] + size[b]);
        }
        return new ArenaPlan(buffers.MoveToImmutable(), [.. tensorBuffer], arena, peak, options);
    }

    /// <summary>
    /// Runs the order through the simulator and reads every buffer's lifetime off it: a buffer opens when its tensor is
    /// made (freeable inputs that someone reads: at step 0) and closes at the step where the simulator ends its last
    /// tensor, or at the last step if it never does (graph outputs). Also returns the simulator's peak.
    /// </summary>
    private static (List<int> First, List<int> Last, List<long> Size, int[] TensorBuffer, long Peak) Lifetimes(
        ComputationGraph graph, ReadOnlySpan<int> order, MemoryModelOptions options)
    {
        int n = order.Length;
        var first = new List<int>();
        var last = new List<int>();
        var size = new List<long>();
        var tensorBuffer = new int[graph.TensorCount];
        Array.Fill(tensorBuffer, -1);
        void Open(int tensor, int step)
        {
            tensorBuffer[tensor] = size.Count;
            first.Add(step);
            last.Add(n - 1);
            size.Add(graph.TensorSize(tensor));
        }
        for (int t = 0; t < graph.TensorCount; t++)
        {
            // Exactly the tensors the simulator counts as live before the first step.
            if (graph.IsFreeableInput(t) && graph.Consumers(t).Length > 0)
            {
                Open(t, 0);
            }
        }
        var sim = new MemorySimulator(graph, options);
        var donors = new int[16];
        var ended = new List<int>();
        for (int i = 0; i < n; i++)
        {
            int op = order[i];
            var outputs = graph.Outputs(op);
            if (donors.Length < outputs.Length)
            {
                donors = new int[outputs.Length];
            }
            var given = donors.AsSpan(0, outputs.Length);
            ended.Clear();
            sim.Execute(op, given, ended);
            for (int k = 0; k < outputs.Length; k++)
            {
                if (given[k] >= 0)
                {
                    // In place: the donor's buffer lives on as this output (and closes when the output ends).
                    tensorBuffer[outputs[k]] = tensorBuffer[given[k]];
                    continue;
                }
                Open(outputs[k], i);
            }
            foreach (int t in ended)
            {
                if (given.IndexOf(t) < 0)
                {
                    last[tensorBuffer[t]] = i;
                }
            }
        }
        return (first, last, size, tensorBuffer, sim.PeakBytes);
    }

    /// <summary>Greedy by size, lowest fitting offset (see the type's remarks).</summary>
    private static long[] Place(List<int> first, List<int> last, List<long> size)
    {
        int count = size.Count;
        var byOrder = new int[count];
        for (int b = 0; b < count; b++)
        {
            byOrder[b] = b;
        }
        Array.Sort(byOrder, (x, y) =>
        {
            int c = size[y].CompareTo(size[x]);
            c = c != 0 ? c : first[x].CompareTo(first[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
        var offsets = new long[count];
        // Placed buffers kept sorted by offset, so one scan finds the lowest gap.
        var placed = new List<int>(count);
        foreach (int b in byOrder)
        {
            long candidate = 0;
            foreach (int p in placed)
            {
                if (first[p] > last[b] || first[b] > last[p] || size[p] == 0)
                {
                    continue;
                }
                if (offsets[p] >= candidate + size[b])
                {
                    break;
                }
                candidate = Math.Max(candidate, offsets[p] + size[p]);
            }
            offsets[b] = candidate;
            int at = placed.Count;
            while (at > 0 && offsets[placed[at - 1]] > candidate)
            {
                at--;
            }
            placed.Insert(at, b);
        }
        return offsets;
    }
}
