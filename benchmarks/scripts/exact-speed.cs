// States per second of the exact search (issue 11's 200-op proofs are limited by how many states it can close in
// 60 s). Run from the repository root:
//   dotnet run -c Release benchmarks/scripts/exact-speed.cs -- GRAPH.json [STATE_LIMIT (default ExactScheduler.BaseStateLimit)] [LOCAL_EFFORT (default 1)]
// Starts from `local`'s order (seed 0, the given effort) as the pass does, then runs `exact` with the state limit as
// its budget and no practical clock cap; prints the start peak, the states, the proven bound, the status and the
// seconds of each phase. The states and the bound are deterministic; the seconds depend on the machine and its load.
#:project ../../src/Baselines/Scheduler.Baselines.csproj
using System.Diagnostics;
using System.Globalization;
using Scheduler.Baselines.Exact;
using Scheduler.Baselines.Search;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;

var graph = JsonGraphReader.ReadFile(args[0]);
long limit = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : ExactScheduler.BaseStateLimit;
double localEffort = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1;
var settings = new SchedulerSettings(TimeLimit: TimeSpan.FromHours(1));
var analysis = new GraphAnalysis(graph, settings.Model);
var clock = Stopwatch.StartNew();
var local = new LocalSearchScheduler([], settings with { Effort = localEffort }).Solve(analysis, null);
var start = StartOrder.Of(graph, local.Order, "local");
double localSeconds = clock.Elapsed.TotalSeconds;
clock.Restart();
var exact = new ExactScheduler([], settings, baseStateLimit: limit).Solve(analysis, start);
double exactSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{graph.Name}: start {start.Peak} ({localSeconds:F1} s); exact {exact.Status} bound {exact.ProvenLowerBound} work {exact.Work:N0} in {exactSeconds:F1} s ({exact.Work / exactSeconds:N0}/s); {exact.Message}"));
