namespace Scheduler;

/// <summary>Entry point of the <c>scheduler</c> CLI.</summary>
public static class Program
{
    /// <summary>Runs the CLI; exit codes 0 ok, 1 internal error, 2 bad input.</summary>
    public static int Main(string[] args) => Cli.CommandLine.Run(args);
}
