using System.CommandLine;
using Scheduler.Topoformer.Training;
using Spectre.Console;

namespace Scheduler.Cli;

/// <summary>
/// <c>scheduler train --config FILE.yaml [--out DIR] [--resume]</c>: trains Topoformer with reinforcement learning on
/// generated layered graphs, with optional expert iteration and a size curriculum (see models/topoformer/README.md for the shipped run).
/// </summary>
public static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Training config (YAML)", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder for the checkpoint, metrics.csv and resumable state", DefaultValueFactory = _ => "runs/topoformer" };
        var resume = new Option<bool>("--resume") { Description = "Continue from the state committed in --out (exact, also after a kill)" };
        var command = new Command("train", "Train Topoformer (REINFORCE, expert iteration, curriculum on generated graphs); shows steps, cost, validation and ETA; crash-safe and resumable (--resume)");
        command.Options.Add(config);
        command.Options.Add(output);
        command.Options.Add(resume);
        command.SetAction((parse, ct) => Task.FromResult(Run(parse.GetValue(config)!, parse.GetValue(output)!, parse.GetValue(resume), ct)));
        return command;
    }

    private static int Run(string configPath, string outDir, bool resume, CancellationToken ct)
    {
        var config = TrainingConfig.Load(configPath);
        OutputPaths.CheckFolder("--out", outDir);
        TrainingProgress? last = null;
        var eta = new TrainingEta(config);
        if (Terminal.Interactive)
        {
            Terminal.Err.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("train", maxValue: config.Steps);
                last = TopoformerTraining.Run(config, outDir, resume, new Progress(p =>
                {
                    eta.Add(p);
                    task.Value = p.Step;
                    task.Description = Markup.Escape(Line(p, eta));
                }), ct);
            });
        }
        else
        {
            // A log line at every validation and at least every 30 s, so a redirected run shows it is alive.
            TimeSpan? lastLine = null;
            last = TopoformerTraining.Run(config, outDir, resume, new Progress(p =>
            {
                eta.Add(p);
                if (p.ValidationCost is not null || lastLine is null || p.Elapsed - lastLine >= TimeSpan.FromSeconds(30))
                {
                    lastLine = p.Elapsed;
                    Console.Error.WriteLine($"train: {Line(p, eta)}");
                }
            }), ct);
        }
        Terminal.Out.WriteLine(last is null
            ? $"nothing to do: {outDir} already holds {config.Steps} steps"
            : $"trained {last.Step} steps in {Clock(last.Elapsed)}; best validation peak / LB {last.BestValidationCost:0.0000}; checkpoint in {outDir}");
        return 0;
    }

    /// <summary>step, phase, the step's training cost (sampled orders; imitation: the teacher's), the greedy cost,
    /// the expert target's cost on expert steps, validation and best validation, elapsed time and ETA.</summary>
    private static string Line(TrainingProgress p, TrainingEta eta)
    {
        var m = p.Metrics;
        string expert = m.ExpertCost is double e ? $" target {e:0.000}" : "";
        string validation = p.ValidationCost is double v ? $" val {v:0.000}" : "";
        string best = p.BestValidationCost < double.MaxValue ? $" best {p.BestValidationCost:0.000}" : "";
        return $"step {p.Step}/{p.TotalSteps} {p.Phase} cost {m.SampleCost:0.000} greedy {m.GreedyCost:0.000}{expert}{validation}{best} "
            + $"({Clock(p.Elapsed)}, ETA {Clock(eta.Remaining(p))})";
    }

    /// <summary>h:mm:ss with the hours unbounded (a long run's ETA can exceed a day).</summary>
    private static string Clock(TimeSpan t) => $"{(long)t.TotalHours}:{t:mm\\:ss}";

    /// <summary>Reports synchronously on the training thread (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
