using Scheduler.Graphs;

namespace Scheduler.Testing;

/// <summary>Brute-force checks of arena offsets, shared by the arena planner's tests and the build-time planner's.</summary>
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
}
