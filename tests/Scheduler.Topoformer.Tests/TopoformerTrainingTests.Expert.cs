using System.Globalization;
using Scheduler.Topoformer.Training;

namespace Scheduler.Topoformer.Tests;

/// <summary>A tiny training run with expert iteration and a curriculum: its metrics show every target no worse than
/// the best sample it came from, and the search improving on some.</summary>
public sealed partial class TopoformerTrainingTests
{
    [Fact]
    public void Run_TinyExpertCurriculum_TargetsNoWorseThanTheirSamples()
    {
        var config = Tiny(8) with
        {
            SamplesPerGraph = 4,
            ExpertWeight = 0.5,
            ExpertEvery = 2,
            ExpertSearchMoves = 2_000,
            Curriculum = [new CurriculumStage { Steps = 4, NodesMin = 20, NodesMax = 30 }, new CurriculumStage { Steps = 4, NodesMin = 40, NodesMax = 50 }],
        };
        TopoformerTraining.Run(config, _dir, resume: false);
        var lines = File.ReadAllLines(Path.Combine(_dir, "metrics.csv"));
        var header = lines[0].Split(',');
        int phase = Array.IndexOf(header, "phase"), best = Array.IndexOf(header, "best_sample_cost"), target = Array.IndexOf(header, "expert_cost");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["imitation", "imitation", "reinforce", "expert", "reinforce", "expert", "reinforce", "expert"], rows.Select(r => r[phase]));
        double gain = 0;
        foreach (var row in rows.Where(r => r[phase] == "expert"))
        {
            double b = double.Parse(row[best], CultureInfo.InvariantCulture), t = double.Parse(row[target], CultureInfo.InvariantCulture);
            Assert.True(t <= b, $"step {row[0]}: target cost {t} above the best sample's {b}");
            gain += b - t;
        }
        Assert.True(gain > 0, "the local search improved no best sample in three expert steps");
        Assert.All(rows.Where(r => r[phase] != "expert"), r => Assert.Equal("", r[target]));
    }
}
