namespace Scheduler.Graphs;

/// <summary>
/// "Did you mean" for mistyped names (CLI options, method ids, config keys): the known name nearest by edit distance
/// (Damerau–Levenshtein, optimal string alignment: insert, delete, substitute, swap two neighbours), if it is near
/// enough to be a typo rather than another word.
/// </summary>
public static class Suggestions
{
    /// <summary>The known name closest to <paramref name="given"/>, or null when none is within
    /// <see cref="MaxDistance"/>. Ties go to the earlier name in <paramref name="known"/>.</summary>
    public static string? Closest(string given, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(known);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string k in known)
        {
            int d = Distance(given.ToLowerInvariant(), k.ToLowerInvariant());
            if (d < bestDistance && d <= MaxDistance(given) && d < Math.Max(k.Length, given.Length))
            {
                (best, bestDistance) = (k, d);
            }
        }
        return best;
    }

    /// <summary>" (did you mean 'x'?)" for the closest known name, or "" when there is none.</summary>
    public static string DidYouMean(string given, IEnumerable<string> known)
        => Closest(given, known) is string s ? $" (did you mean '{s}'?)" : "";

    /// <summary>Edits allowed for a typo: 1 for short names, growing to 3 for names of 9 or more characters.</summary>
    public static int MaxDistance(string given)
    {
        ArgumentNullException.ThrowIfNull(given);
        return Math.Clamp(given.TrimStart('-').Length / 3, 1, 3);
    }

    /// <summary>Optimal-string-alignment distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}
