using System.Text.Json;

namespace Scheduler.Graphs.Formats;

/// <summary>An <c>alias_of</c> read from a node before the edges and inputs it refers to are known.</summary>
/// <param name="Tensor">The output marked as a view.</param>
/// <param name="Op">Its producer (dense index).</param>
/// <param name="Reference">The <c>alias_of</c> value.</param>
/// <param name="Where">The place for messages, e.g. <c>nodes[3] (id 7) outputs[0] alias_of</c>.</param>
internal sealed record PendingAlias(int Tensor, int Op, JsonElement Reference, string Where);
