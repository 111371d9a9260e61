using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Graphs.Arena;

namespace Scheduler.Testing;

/// <summary>Brute-force checks of arena offsets, shared by the arena planner's tests, the offset strategies' and the
/// build-time planner's. Deliberately independent of <see cref="ArenaProblem.Problem"/>: every pair is compared.</summary>
public static class ArenaChecks
{
    /// <summary>Every buffer lies inside the arena, and no two buffers live at a common step share a byte.</summary>
    public static void NoOverlap(IReadOnlyList<ArenaBuffer> buffers, long arenaBytes, string where)
    {
        for (int i = 0; i < buffers.Count; i++)
        {
            Assert.True(buffers[i].Offset >= 0 && buffers[i].Offset + buffers[i].Size <= arenaBytes, $"{where}: buffer {i} {buffers[i]} outside the arena of {arenaBytes} B");
            for (int j = i + 1; j < buffers.Count; j++)
            {
                var (a, b) = (buffers[i], buffers[j]);
                bool sameBytes = a.Offset < b.Offset + b.Size && b.Offset < a.Offset + a.Size;
                Assert.False(a.OverlapsInTime(b) && sameBytes && a.Size > 0 && b.Size > 0, $"{where}: buffers {i} {a} and {j} {b}");
            }
        }
    }

    /// <summary>A whole plan: no overlap, every offset a multiple of the alignment, the arena exactly the largest end
    /// and at least the peak and the lower bound, and the winner is no larger than any candidate.</summary>
    public static void Valid(ArenaPlan plan, string where)
    {
        NoOverlap(plan.Buffers, plan.ArenaBytes, where);
        Aligned(plan.Buffers, plan.Alignment, where);
        Assert.True(plan.ArenaBytes == plan.Buffers.Select(b => b.Offset + b.Size).DefaultIfEmpty(0).Max(), $"{where}: arena {plan.ArenaBytes} is not the largest end");
        Assert.True(plan.ArenaBytes >= plan.LowerBound && plan.LowerBound >= plan.PeakBytes, $"{where}: arena {plan.ArenaBytes}, bound {plan.LowerBound}, peak {plan.PeakBytes}");
        Assert.True(plan.Candidates.All(c => plan.ArenaBytes <= c.ArenaBytes), $"{where}: winner {plan.Strategy} is larger than a candidate");
    }

    /// <summary>One strategy's assignment for <paramref name="problem"/>, checked as a plan.</summary>
    public static void Valid(ArenaProblem problem, OffsetAssignment assignment, string where)
    {
        var buffers = Enumerable.Range(0, problem.Count)
            .Select(b => new ArenaBuffer(assignment.Offsets[b], problem.Size[b], problem.First[b], problem.Last[b])).ToList();
        NoOverlap(buffers, assignment.ArenaBytes, where);
        Aligned(buffers, problem.Alignment, where);
        Assert.True(assignment.ArenaBytes >= problem.PeakBytes, $"{where}: {assignment.Strategy} arena {assignment.ArenaBytes} below the peak {problem.PeakBytes}");
    }

    /// <summary>The arena blocks of a JSON document's <c>tensors</c> array (the build plan file, <c>schedule --arena
    /// --json</c>): one per distinct (offset, size, steps) among tensors with arena space (tensors that share storage in
    /// place list the same block).</summary>
    public static List<ArenaBuffer> Buffers(JsonElement root)
        => [.. root.GetProperty("tensors").EnumerateArray()
            .Where(t => t.GetProperty("offset").GetInt64() >= 0)
            .Select(t => new ArenaBuffer(t.GetProperty("offset").GetInt64(), t.GetProperty("size").GetInt64(), t.GetProperty("first_step").GetInt32(), t.GetProperty("last_step").GetInt32()))
            .Distinct()];

    private static void Aligned(IReadOnlyList<ArenaBuffer> buffers, long alignment, string where)
    {
        for (int i = 0; i < buffers.Count; i++)
        {
            Assert.True(buffers[i].Offset % alignment == 0, $"{where}: buffer {i} at {buffers[i].Offset} is not aligned to {alignment}");
        }
    }
}
