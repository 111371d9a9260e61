using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// Late-acceptance hill climbing (Burke &amp; Bykov, "The late acceptance hill-climbing heuristic", EJOR 2017) over
/// one-op moves, as a restart walk for the local search: a random op moves to a random position in its legal window,
/// and the move is kept when its (peak, peak steps) is no worse than the current order's or than the current order's
/// <see cref="HistoryLength"/> moves ago. Moves that leave the peak alone are therefore always kept, so the walk drifts
/// across the plateau of equal peaks that a strict descent cannot cross, and right after an improvement it may also
/// climb a little. Deterministic: every choice draws from the caller's seeded stream. Work: one scored move per
/// candidate, and a kept move re-simulates the order, charged like a scored move under the memory options
/// (<see cref="OrderProfile.RebuildWork"/> / 64 + 1).
/// </summary>
internal static class LateAcceptance
{
    /// <summary>Candidates between a cost's entry into the history and its use as the acceptance threshold.</summary>
    public const int HistoryLength = 200;

    /// <summary>
    /// Walks from <paramref name="profile"/>'s order (changed in place) for <paramref name="budget"/> work units; returns
    /// the best order seen when it beats the start, else the order where the walk ended, and the work spent.
    /// </summary>
    public static (int[] Order, long Work) Walk(OrderProfile profile, int n, Random random, long budget, SafetyCap cap)
    {
        long startCost = Cost(profile.Peak, profile.PeakCount, n), current = startCost, bestCost = startCost;
        int[]? best = null;
        var history = new long[HistoryLength];
        Array.Fill(history, current);
        long work = 0, applyCost = profile.RebuildWork / 64 + 1;
        for (long k = 0; work < budget && !cap.IsReached; k++)
        {
            int op = random.Next(n);
            var (low, high) = profile.Window(op);
            int target = random.Next(low, high + 1);
            work += profile.EvaluationCost;
            if (target == profile.Position(op))
            {
                continue;
            }
            var (peak, count) = profile.Evaluate(op, target);
            long candidate = Cost(peak, count, n);
            int slot = (int)(k % HistoryLength);
            if (candidate <= current || candidate <= history[slot])
            {
                if (cap.ReachedAfter(profile.RebuildWork))
                {
                    break;
                }
                profile.Apply(op, target);
                work += applyCost;
                current = candidate;
                if (current < bestCost)
                {
                    (bestCost, best) = (current, profile.Order);
                }
            }
            history[slot] = current;
        }
        return (best ?? profile.Order, work);
    }

    /// <summary>(peak, peak steps) as one number, peak first.</summary>
    private static long Cost(long peak, int count, int n) => peak * (n + 1L) + count;
}
