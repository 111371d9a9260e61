namespace Scheduler.Testing;

/// <summary>One stored tensor's external data reference, as the tests read it (independently of the reader).</summary>
public sealed record ExternalRef(string Tensor, string Location, long Offset, long? Length);
