using System.Diagnostics;
using System.Globalization;

namespace Scheduler.Graphs;

/// <summary>
/// The wall-clock safety cap of one method run (<see cref="SchedulerSettings.TimeLimit"/>). It starts when the run
/// starts, so every phase — start heuristics, analysis, model building, search — counts against the same deadline.
/// Work budgets, not the cap, end methods on ordinary graphs; a method that the cap stops returns what it has and says
/// so (<see cref="SolveResult.Capped"/>). Once reached it stays reached, so a phase that ran into it can tell the next
/// one without passing a flag around.
/// </summary>
/// <remarks>
/// Hot loops poll it with <see cref="ReachedAfter"/>, charging the work they did since the last poll in rough units of
/// elementary steps (an array scan over N ops is N units). The clock is read once per <see cref="PollWork"/> units, a
/// few tens of microseconds of work, so polling costs nothing measurable whether one unit of the caller's loop is cheap
/// (a tiny graph) or dear (a 100,000-op scan): the latency of the cap is bounded by work done, not by iterations.
/// Not thread-safe: one cap per method run.
/// </remarks>
public sealed class SafetyCap
{
    /// <summary>Units of work between two clock reads in <see cref="ReachedAfter"/>.</summary>
    public const long PollWork = 1 << 16;

    /// <summary>The cap used when <see cref="SchedulerSettings.TimeLimit"/> is null (the pass's default too).</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    private readonly long _started = Stopwatch.GetTimestamp();
    private long _unpolled;
    private bool _reached;

    /// <summary>Starts a cap of <paramref name="limit"/> now.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    public SafetyCap(TimeSpan limit)
    {
        if (limit < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A time cap must be non-negative, got {limit}.");
        }
        Limit = limit;
    }

    /// <summary>Starts the cap of <paramref name="settings"/> now (<see cref="DefaultLimit"/> when it has none).</summary>
    public static SafetyCap Start(SchedulerSettings settings)
        => new(Guard.NotNull(settings, nameof(settings)).TimeLimit ?? DefaultLimit);

    /// <summary>The cap.</summary>
    public TimeSpan Limit { get; }

    /// <summary>Wall-clock time since the cap started.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Time left before the cap (zero once reached).</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = Limit - Elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>True once the cap is reached (reads the clock).</summary>
    public bool IsReached => _reached || (_reached = Elapsed >= Limit);

    /// <summary>Charges <paramref name="work"/> units and reads the clock once per <see cref="PollWork"/> units; true
    /// once the cap is reached.</summary>
    public bool ReachedAfter(long work)
    {
        _unpolled += work;
        if (_unpolled < PollWork)
        {
            return _reached;
        }
        _unpolled = 0;
        return IsReached;
    }

    /// <summary>"time cap 5 s", for messages.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"time cap {Limit.TotalSeconds:0.###} s");
}
