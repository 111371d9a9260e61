using Scheduler.Pass;
using Scheduler.Pass.Compare;

namespace Scheduler.Tests.Reports;

/// <summary>Hand-made comparison rows: every graph has a lower bound of 100 bytes, so peak / LB = peak / 100.</summary>
internal static class ReportRows
{
    public const long Bound = 100;

    public static CompareRow Row(string dataset, string graph, string method, long? peak, double ms = 1, CandidateStatus status = CandidateStatus.Ok, int ops = 10)
        => new(dataset, graph, ops, method, peak, Bound, Bound / 2, Bound / 2, 0, ms, peak is null && status == CandidateStatus.Ok ? CandidateStatus.Skipped : status,
            peak is null ? null : Enumerable.Range(0, ops).Select(i => (long)i).ToArray());

    /// <summary>Rows of one dataset from (graph, method, peak) triples.</summary>
    public static List<CompareRow> Dataset(string dataset, params (string Graph, string Method, long? Peak)[] cells)
        => cells.Select(c => Row(dataset, c.Graph, c.Method, c.Peak)).ToList();
}
