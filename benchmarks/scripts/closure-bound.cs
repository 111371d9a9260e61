// The closure bound against the cut bound, per graph (docs/results/closure-bound.md). Run from the repository root:
//   dotnet run -c Release benchmarks/scripts/closure-bound.cs -- GRAPH.json ...
// Prints one CSV row per graph: ops, working-set, cut and closure bounds (GraphAnalysis, default model), whether the
// closure bound was cut by its work limit, its work (deterministic) and its wall time (machine- and load-dependent).
#:project ../../src/Graphs/Scheduler.Graphs.csproj
using System.Diagnostics;
using System.Globalization;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;

Console.WriteLine("graph,ops,working_set,cut,closure,partial,closure_ms");
foreach (var file in args)
{
    var graph = JsonGraphReader.ReadFile(file);
    var analysis = new GraphAnalysis(graph);
    long cut = analysis.CutBound;
    var clock = Stopwatch.StartNew();
    long closure = analysis.ClosureBound;
    double ms = clock.Elapsed.TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{graph.Name},{graph.OpCount},{analysis.WorkingSetBound},{cut},{closure},{analysis.ClosureBoundPartial},{ms:F0}"));
}
