namespace Scheduler.Tests.Cli;

/// <summary>CLI tests redirect the process console, so they run one at a time.</summary>
[CollectionDefinition("cli", DisableParallelization = true)]
public class CliCollection;
