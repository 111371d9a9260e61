using System.Diagnostics;

namespace Scheduler.Graphs;

/// <summary>One point of a search's anytime curve: the best peak it held once it had spent <paramref name="Work"/>.</summary>
/// <param name="Work">Work spent so far, in the unit of the method's budget (<see cref="SolveResult.Work"/>): a count,
/// the same on every run.</param>
/// <param name="ElapsedMs">Wall time since the method started: for reading only, it varies with the machine's load.</param>
/// <param name="PeakBytes">The lowest peak found so far.</param>
public sealed record AnytimePoint(long Work, double ElapsedMs, long PeakBytes);

/// <summary>
/// Records a search's anytime curve as it runs: a point each time the best peak so far strictly falls, the first at
/// work 0 (the start order). Between two points the best peak is that of the earlier one, so the curve is a falling
/// step function of work; its last point is the peak the method returns.
/// </summary>
public sealed class AnytimeTrace
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<AnytimePoint> _points = [];

    /// <summary>The lowest peak offered so far (<see cref="long.MaxValue"/> before the first).</summary>
    public long BestPeak { get; private set; } = long.MaxValue;

    /// <summary>The points so far, in order of work.</summary>
    public IReadOnlyList<AnytimePoint> Points => _points;

    /// <summary>Records <paramref name="peak"/> at <paramref name="work"/> when it is below every peak offered before;
    /// cheap otherwise (one comparison), so a search may offer after every accepted move.</summary>
    public void Offer(long work, long peak)
    {
        if (peak < BestPeak)
        {
            BestPeak = peak;
            _points.Add(new AnytimePoint(work, Stopwatch.GetElapsedTime(_started).TotalMilliseconds, peak));
        }
    }
}
