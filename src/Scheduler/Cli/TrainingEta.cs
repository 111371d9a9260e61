using Scheduler.Topoformer.Training;

namespace Scheduler.Cli;

/// <summary>
/// The remaining time of a training run for its progress line: the steps left times the seconds per step over the
/// last <see cref="Window"/> reported steps (a curriculum makes later steps slower, so the run's mean rate would
/// underestimate), capped by what is left of <c>time_limit_minutes</c>. A display only; nothing depends on it.
/// </summary>
internal sealed class TrainingEta(TrainingConfig config)
{
    private const int Window = 100;
    private readonly Queue<(int Step, double Seconds)> _recent = new();

    /// <summary>Records a step's report.</summary>
    public void Add(TrainingProgress p)
    {
        _recent.Enqueue((p.Step, p.Elapsed.TotalSeconds));
        while (_recent.Count > Window)
        {
            _recent.Dequeue();
        }
    }

    /// <summary>Time left until the run stops by steps or by its time limit (zero before two reports).</summary>
    public TimeSpan Remaining(TrainingProgress p)
    {
        if (_recent.Count < 2)
        {
            return TimeSpan.Zero;
        }
        var (firstStep, firstSeconds) = _recent.Peek();
        double perStep = (p.Elapsed.TotalSeconds - firstSeconds) / Math.Max(1, p.Step - firstStep);
        double seconds = (p.TotalSteps - p.Step) * perStep;
        if (config.TimeLimitMinutes > 0)
        {
            seconds = Math.Min(seconds, Math.Max(0, config.TimeLimitMinutes * 60 - p.Elapsed.TotalSeconds));
        }
        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
    }
}
