using System.CommandLine;
using Scheduler.Topoformer.Training;
using Spectre.Console;

namespace Scheduler.Cli;

/// <summary>
/// <c>scheduler train --config FILE.yaml [--out DIR] [--resume]</c>: trains Topoformer with reinforcement learning on
/// generated layered graphs (see models/topoformer/README.md for the shipped run).
/// </summary>
public static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Training config (YAML)", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder for the checkpoint, metrics.csv and resumable state", DefaultValueFactory = _ => "runs/topoformer" };
        var resume = new Option<bool>("--resume") { Description = "Continue from the state committed in --out (exact, also after a kill)" };
        var command = new Command("train", "Train Topoformer (REINFORCE on layered graphs); crash-safe: the state is committed as one unit");
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
        if (Terminal.Interactive)
        {
            Terminal.Err.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("train", maxValue: config.Steps);
                last = TopoformerTraining.Run(config, outDir, resume, new Progress(p =>
                {
                    task.Value = p.Step;
                    task.Description = Markup.Escape($"{p.Phase} step {p.Step}/{p.TotalSteps} best val {p.BestValidationCost:0.000}");
                }), ct);
            });
        }
        else
        {
            last = TopoformerTraining.Run(config, outDir, resume, new Progress(p =>
            {
                if (p.ValidationCost is double v)
                {
                    Console.Error.WriteLine($"train: step {p.Step}/{p.TotalSteps} {p.Phase} validation {v:0.0000} best {p.BestValidationCost:0.0000} ({p.Elapsed:hh\\:mm\\:ss})");
                }
            }), ct);
        }
        Terminal.Out.WriteLine(last is null
            ? $"nothing to do: {outDir} already holds {config.Steps} steps"
            : $"trained {last.Step} steps in {last.Elapsed:hh\\:mm\\:ss}; best validation peak / LB {last.BestValidationCost:0.0000}; checkpoint in {outDir}");
        return 0;
    }

    /// <summary>Reports synchronously on the training thread (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
