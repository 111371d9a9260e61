using System.Globalization;

namespace Scheduler.Topoformer.Training;

/// <summary>The training curve, one CSV row per step (<c>metrics.csv</c>); on resume rows after the resumed step are dropped.</summary>
internal sealed class MetricsLog
{
    public const string Header = "step,phase,loss,sample_cost,baseline_cost,greedy_cost,grad_norm,validation_cost,best_validation_cost,elapsed_s";

    private readonly string _path;

    public MetricsLog(string path, int keepThroughStep)
    {
        _path = path;
        var kept = new List<string> { Header };
        if (keepThroughStep > 0 && File.Exists(path))
        {
            foreach (string line in File.ReadLines(path).Skip(1))
            {
                int comma = line.IndexOf(',', StringComparison.Ordinal);
                if (comma > 0 && int.TryParse(line[..comma], CultureInfo.InvariantCulture, out int step) && step <= keepThroughStep)
                {
                    kept.Add(line);
                }
            }
        }
        File.WriteAllLines(path, kept);
    }

    public void Append(TrainingProgress p)
    {
        var m = p.Metrics;
        string row = string.Join(',',
            p.Step.ToString(CultureInfo.InvariantCulture), p.Phase, F(m.Loss), F(m.SampleCost), F(m.BaselineCost),
            F(m.GreedyCost), F(m.GradNorm), p.ValidationCost is double v ? F(v) : "", p.BestValidationCost < double.MaxValue ? F(p.BestValidationCost) : "",
            F(p.Elapsed.TotalSeconds));
        File.AppendAllLines(_path, [row]);
    }

    private static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
