namespace Scheduler.Cli;

/// <summary>Builds the command tree and maps exceptions to exit codes.</summary>
public static class CommandLine
{
    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("scheduler: the CLI is being built");
        return args.Length == 0 ? 0 : 1;
    }
}
