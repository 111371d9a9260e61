using System.Globalization;
using Scheduler.Graphs.Formats;

namespace Scheduler.Topoformer.Training;

/// <summary>
/// The training curve, one CSV row per step (<c>metrics.csv</c>; row k is step k, so a committed state's step is
/// also its position in the file). Rows are appended; the file is never truncated in place: opening it for a run
/// whose committed state is at step S keeps rows 1..S and drops the rest (rows of steps after the last commit, a row
/// cut by a kill) with one atomic rewrite, so a kill at any moment leaves the old file or the new one.
/// </summary>
internal sealed class MetricsLog
{
    public const string Header = "step,phase,loss,sample_cost,baseline_cost,greedy_cost,grad_norm,validation_cost,best_validation_cost,best_sample_cost,expert_cost,elapsed_s";

    private readonly string _path;

    private MetricsLog(string path) => _path = path;

    /// <summary>Opens the log of a run whose committed state is at <paramref name="committedStep"/>.</summary>
    /// <exception cref="TopoformerConfigException">The file lacks rows the committed state covers (cut or edited).</exception>
    public static MetricsLog Open(string path, int committedStep)
    {
        string old = File.Exists(path) ? File.ReadAllText(path) : "";
        string kept = Kept(path, old, committedStep);
        if (kept != old)
        {
            AtomicFile.WriteAllText(path, kept);
        }
        return new MetricsLog(path);
    }

    /// <summary>Appends the row of one step (kept by the next commit, dropped by a resume before it).</summary>
    public void Append(TrainingProgress p)
    {
        var m = p.Metrics;
        string row = string.Join(',',
            p.Step.ToString(CultureInfo.InvariantCulture), p.Phase, F(m.Loss), F(m.SampleCost), F(m.BaselineCost),
            F(m.GreedyCost), F(m.GradNorm), p.ValidationCost is double v ? F(v) : "", p.BestValidationCost < double.MaxValue ? F(p.BestValidationCost) : "",
            m.BestSampleCost is double b ? F(b) : "", m.ExpertCost is double e ? F(e) : "", F(p.Elapsed.TotalSeconds));
        File.AppendAllText(_path, row + "\n");
    }

    /// <summary>The header and rows 1..<paramref name="steps"/> of <paramref name="text"/>, each line ending in '\n'.</summary>
    private static string Kept(string path, string text, int steps)
    {
        if (steps == 0)
        {
            return Header + "\n";
        }
        string[] lines = text.Split('\n');
        if (text.Length == 0 || lines[0] != Header)
        {
            throw new TopoformerConfigException(path, text.Length == 0
                ? $"{path}: missing or empty, but the committed training state covers {steps} steps; restore it or start without --resume."
                : $"{path}: the first line is not the metrics header ({Header}); restore the file or start without --resume.");
        }
        for (int step = 1; step <= steps; step++)
        {
            if (step >= lines.Length || !lines[step].StartsWith(step.ToString(CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal))
            {
                throw new TopoformerConfigException(path,
                    $"{path}: line {step + 1} should be the row of step {step} (the committed training state covers {steps} steps), "
                    + $"got '{(step < lines.Length ? Shorten(lines[step]) : "end of file")}'; restore the file or start without --resume.");
            }
        }
        return string.Join('\n', lines, 0, steps + 1) + "\n";
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "...";

    private static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
