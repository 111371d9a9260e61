// Uses the static memory plans that Scheduler.Build generated at build time, and checks them with nothing but the
// generated classes: the order is a permutation of the graph's nodes, the peak is positive and at least the lower
// bound, every tensor fits in the arena, and no two tensors live at a common step share a byte. Exit 0 when every
// check holds, 1 otherwise (one line per failed check on stderr).
using Scheduler.Generated;

var failures = new List<string>();

Check(new Plan("Inception", Inception.Source, Inception.Method, Inception.Proven, Inception.PeakBytes, Inception.LowerBoundBytes,
    Inception.ArenaBytes, Inception.OpCount, Inception.Order.ToArray(), Inception.Offsets.ToArray(), Inception.Sizes.ToArray(),
    Inception.FirstSteps.ToArray(), Inception.LastSteps.ToArray()));
Check(new Plan("Golden002Layered17", Golden002Layered17.Source, Golden002Layered17.Method, Golden002Layered17.Proven,
    Golden002Layered17.PeakBytes, Golden002Layered17.LowerBoundBytes, Golden002Layered17.ArenaBytes, Golden002Layered17.OpCount,
    Golden002Layered17.Order.ToArray(), Golden002Layered17.Offsets.ToArray(), Golden002Layered17.Sizes.ToArray(),
    Golden002Layered17.FirstSteps.ToArray(), Golden002Layered17.LastSteps.ToArray()));

// Lookups by name: what a runtime does to place a tensor it knows by name.
string output = Inception.TensorNames[Inception.TensorCount - 1];
Console.WriteLine($"Inception: tensor '{output}' at offset {Inception.OffsetOf(output)}");
if (Inception.OffsetOf(output) != Inception.Offsets[Inception.TensorIndex(output)] || Inception.TryGetOffset("no such tensor", out _))
{
    failures.Add("Inception: lookup by name disagrees with the offset table");
}

// A runtime's arena: one allocation of ArenaBytes, each tensor a slice of it (a slice past the end would throw).
var arena = new byte[Inception.ArenaBytes];
for (int t = 0; t < Inception.TensorCount; t++)
{
    if (Inception.Offsets[t] >= 0)
    {
        arena.AsSpan((int)Inception.Offsets[t], (int)Inception.Sizes[t]).Fill((byte)t);
    }
}

foreach (string failure in failures)
{
    Console.Error.WriteLine($"FAIL: {failure}");
}
Console.WriteLine(failures.Count == 0 ? "BuildTimePlan: all checks passed" : $"BuildTimePlan: {failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;

void Check(Plan p)
{
    Console.WriteLine($"{p.Name} ({p.Source}): {p.OpCount} ops, peak {p.PeakBytes} B, lower bound {p.LowerBoundBytes} B, arena {p.ArenaBytes} B, " +
                      $"won by {p.Method}{(p.Proven ? ", proven optimal" : "")}");
    if (p.Order.Length != p.OpCount || p.Order.Distinct().Count() != p.OpCount)
    {
        failures.Add($"{p.Name}: Order has {p.Order.Length} entries, {p.Order.Distinct().Count()} distinct, for {p.OpCount} ops");
    }
    if (p.PeakBytes <= 0 || p.PeakBytes < p.LowerBoundBytes || p.ArenaBytes < p.PeakBytes)
    {
        failures.Add($"{p.Name}: expected 0 < lower bound {p.LowerBoundBytes} <= peak {p.PeakBytes} <= arena {p.ArenaBytes}");
    }
    for (int a = 0; a < p.Offsets.Length; a++)
    {
        if (p.Offsets[a] >= 0 && p.Offsets[a] + p.Sizes[a] > p.ArenaBytes)
        {
            failures.Add($"{p.Name}: tensor {a} ends at {p.Offsets[a] + p.Sizes[a]}, past the arena's {p.ArenaBytes} B");
        }
        for (int b = a + 1; b < p.Offsets.Length; b++)
        {
            bool sameBuffer = p.Offsets[a] == p.Offsets[b] && p.FirstSteps[a] == p.FirstSteps[b] && p.LastSteps[a] == p.LastSteps[b];
            bool sameTime = p.FirstSteps[a] <= p.LastSteps[b] && p.FirstSteps[b] <= p.LastSteps[a];
            bool sameBytes = p.Offsets[a] < p.Offsets[b] + p.Sizes[b] && p.Offsets[b] < p.Offsets[a] + p.Sizes[a];
            if (p.Offsets[a] >= 0 && p.Offsets[b] >= 0 && p.Sizes[a] > 0 && p.Sizes[b] > 0 && !sameBuffer && sameTime && sameBytes)
            {
                failures.Add($"{p.Name}: tensors {a} and {b} are live together and overlap in the arena");
            }
        }
    }
}

/// <summary>One generated plan's members, copied out so that one checker serves every generated class.</summary>
internal sealed record Plan(string Name, string Source, string Method, bool Proven, long PeakBytes, long LowerBoundBytes, long ArenaBytes,
    int OpCount, long[] Order, long[] Offsets, long[] Sizes, int[] FirstSteps, int[] LastSteps);
