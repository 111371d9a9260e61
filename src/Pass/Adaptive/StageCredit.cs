namespace Scheduler.Pass.Adaptive;

/// <summary>
/// How a stage's gain is shared among the methods that ran in it: cheapest first, each method is credited with what it
/// adds over the cheaper ones, max(0, best peak of the cheaper ones − its peak) / start peak. The methods of a stage
/// start from the same order, so this is exactly the gain the method would have added had it been the last one paid
/// for; the credits sum to the stage's gain, and a tie goes to the cheaper method. The adaptive portfolio ranks a
/// method by the budget of its full version (<c>local@0.1</c> ranks as <c>local</c>): a method and its variants are
/// alternatives, so each must be credited over the same cheaper methods, or the cheap variant, credited before beam
/// and the dear one after it, would look better by construction.
/// </summary>
/// <remarks>
/// Why not each method's own gain over the start: in a stage where beam, Topoformer and local all run, all three gain
/// over the heuristics though only the best counts, so a method that is always beaten by a cheaper one (or by local,
/// which runs anyway) would look worth its cost forever. Why cheapest first and not a Shapley value: the stop rule asks
/// whether a method is worth its <em>extra</em> cost, and a Shapley value credits an expensive method with gains that a
/// cheaper one, which runs, would have brought too.
/// </remarks>
public static class StageCredit
{
    /// <summary>The credit of each run, in the order given: <paramref name="runs"/> are (rank: the cost it is ranked
    /// by, peak or null when it produced no order); ties in rank go to the earlier run.</summary>
    public static double[] Of(double startPeak, IReadOnlyList<(double Rank, double? Peak)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var credit = new double[runs.Count];
        if (startPeak <= 0)
        {
            return credit;
        }
        double best = startPeak;
        foreach (int i in Enumerable.Range(0, runs.Count).OrderBy(i => runs[i].Rank).ThenBy(i => i))
        {
            if (runs[i].Peak is double peak && peak < best)
            {
                credit[i] = (best - peak) / startPeak;
                best = peak;
            }
        }
        return credit;
    }
}
