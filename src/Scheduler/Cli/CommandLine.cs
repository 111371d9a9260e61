using System.CommandLine;
using Scheduler.Graphs;

namespace Scheduler.Cli;

/// <summary>
/// Builds the command tree and maps failures to exit codes: 0 ok, 2 bad input (one clear line on stderr), 1 internal
/// error (stack trace only with <c>--verbose</c>).
/// </summary>
public static class CommandLine
{
    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool verbose = args.Contains("--verbose");
        var root = new RootCommand("scheduler: memory-aware operator scheduling (Topoformer, baselines, exact solvers)");
        root.Options.Add(new Option<bool>("--verbose") { Description = "Show stack traces on internal errors", Recursive = true });
        foreach (var command in new[] { GenerateCommand.Create(), ScheduleCommand.Create(), CompareCommand.Create(), MethodsCommand.Create(), ModelsCommand.Create(), TrainCommand.Create() })
        {
            root.Subcommands.Add(command);
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"scheduler: {error.Message}");
            }
            return 2;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            Console.Error.WriteLine($"scheduler: {ex.Message}");
            return 2;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine(verbose ? $"scheduler: internal error: {ex}" : $"scheduler: internal error: {ex.Message} (run with --verbose for details)");
            return 1;
        }
    }

    private static bool IsBadInput(Exception ex)
        => ex is GraphFormatException or Topoformer.TopoformerConfigException or CycleException or UsageException or InvalidScheduleException or FileNotFoundException or DirectoryNotFoundException;
}
