namespace Scheduler.Graphs.Topology;

/// <summary>Compressed sparse rows: builds offset/target arrays from (row, column) pairs.</summary>
internal static class Csr
{
    /// <summary>Rows sorted ascending and de-duplicated; O(P + rows) plus per-row sorting.</summary>
    public static (int[] Offsets, int[] Targets) Build(int rows, IReadOnlyList<(int Row, int Col)> pairs, bool distinct = true)
    {
        var counts = new int[rows + 1];
        foreach (var (r, _) in pairs)
        {
            counts[r + 1]++;
        }
        for (int i = 0; i < rows; i++)
        {
            counts[i + 1] += counts[i];
        }
        var fill = (int[])counts.Clone();
        var targets = new int[pairs.Count];
        foreach (var (r, c) in pairs)
        {
            targets[fill[r]++] = c;
        }
        if (!distinct)
        {
            return (counts, targets);
        }
        var offsets = new int[rows + 1];
        int write = 0;
        for (int r = 0; r < rows; r++)
        {
            int start = counts[r], end = counts[r + 1];
            Array.Sort(targets, start, end - start);
            offsets[r] = write;
            for (int i = start; i < end; i++)
            {
                if (i == start || targets[i] != targets[i - 1])
                {
                    targets[write++] = targets[i];
                }
            }
        }
        offsets[rows] = write;
        Array.Resize(ref targets, write);
        return (offsets, targets);
    }
}
