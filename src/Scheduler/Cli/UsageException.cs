namespace Scheduler.Cli;

/// <summary>Bad command-line input (unknown method, bad option value); the CLI exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
