// Local search from a learned start vs from a heuristic start at the same deterministic work budget (scored moves).
// Run from the repository root:
//   dotnet run benchmarks/scripts/learned-starts.cs -- [OUT_DIR] [GRAPHS_PER_SIZE] [EFFORT] [SIZES] [FIRST] [SPLIT]
// SIZES is a comma list (default 1000,2000); graphs i = FIRST .. GRAPHS_PER_SIZE - 1 (FIRST default 0); SPLIT 0 skips the split runs
// (default 1). Rows are appended to the CSV, so a run can be continued.
// Graphs: LayeredGraphGenerator (the paper's defaults) at 1000 and 2000 ops, seeds 840000 + N + i (i < count), which
// nothing else in the repository uses. Per graph:
//   heuristic start = the best of the file order and the default portfolio's eight heuristics (what the pass hands
//                     `local` when the learned methods run beside it);
//   learned start   = topoformer-sample with the default settings (best of the greedy decode and 15 samples);
//   local from each, seed 0, budget LocalSearchScheduler.BaseEvaluations x EFFORT moves (default effort 1);
//   split           = local from each start with half the budget, the better result (same total moves).
// Writes OUT_DIR/learned-starts.csv (one row per graph).
#:project ../../src/Pass/Scheduler.Pass.csproj
using System.Diagnostics;
using System.Globalization;
using Scheduler.Baselines;
using Scheduler.Baselines.Search;
using Scheduler.Graphs;
using Scheduler.Graphs.Generators;
using Scheduler.Pass;
using Scheduler.Topoformer;

string outDir = args.Length > 0 ? args[0] : "benchmarks/results/learned-starts";
int perSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
double effort = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1;
int[] sizes = args.Length > 3 ? [.. args[3].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [1000, 2000];
int first = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;
bool withSplit = args.Length <= 5 || args[5] != "0";
Directory.CreateDirectory(outDir);
var settings = SchedulerSettings.Default with
{
    ModelPath = Path.GetFullPath(ModelStore.ShippedRelativePath), // run from the repository root
    Effort = effort,
    TimeLimit = TimeSpan.FromHours(1), // the move budget, not the clock, ends every run
};
string[] heuristics = [.. PassOptions.DefaultMethods.Where(m => MethodCatalog.TryGet(m, out var d) && d.Kind == MethodKind.Heuristic)];
string csvPath = Path.Combine(outDir, "learned-starts.csv");
bool fresh = !File.Exists(csvPath);
using var csv = new StreamWriter(csvPath, append: true);
if (fresh)
{
    csv.WriteLine("graph,ops,bound,heuristic_source,heuristic_start,learned_start,local_from_heuristic,local_from_learned,split,best_start_local,moves_heuristic,moves_learned,moves_split,ms_heuristic,ms_learned,ms_split,ms_learned_start");
}
foreach (int n in sizes)
{
    for (int i = first; i < perSize; i++)
    {
        var graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(n), 840000 + n + i);
        var analysis = new GraphAnalysis(graph);
        var heuristic = StartOrder.Of(graph, MethodRunner.InputOrder(graph).Order!, "input");
        foreach (string h in heuristics)
        {
            MethodCatalog.TryGet(h, out var d);
            var s = StartOrder.Of(graph, d.Create(settings).Order(graph), h);
            heuristic = s.Peak < heuristic.Peak ? s : heuristic;
        }
        var clock = Stopwatch.StartNew();
        MethodCatalog.TryGet("topoformer-sample", out var sample);
        var learned = StartOrder.Of(graph, ((ISolvingScheduler)sample.Create(settings)).Solve(analysis, null).Order, "topoformer-sample");
        double learnedMs = clock.Elapsed.TotalMilliseconds;
        (long Peak, long Moves, double Ms) Local(StartOrder start, double share)
        {
            var c = Stopwatch.StartNew();
            var r = new LocalSearchScheduler([], settings with { Effort = effort * share }).Solve(analysis, start);
            if (r.Capped)
            {
                throw new InvalidOperationException($"{graph.Name}: capped by the clock: {r.Message}");
            }
            return (MemoryModel.Evaluate(graph, r.Order), r.Work ?? 0, c.Elapsed.TotalMilliseconds);
        }
        var fromHeuristic = Local(heuristic, 1);
        var fromLearned = Local(learned, 1);
        var halfH = withSplit ? Local(heuristic, 0.5) : (Peak: -1L, Moves: 0L, Ms: 0.0);
        var halfL = withSplit ? Local(learned, 0.5) : (Peak: -1L, Moves: 0L, Ms: 0.0);
        long split = Math.Min(halfH.Peak, halfL.Peak); // -1: not run
        long bestStart = learned.Peak < heuristic.Peak ? fromLearned.Peak : fromHeuristic.Peak;
        csv.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{graph.Name},{n},{analysis.LowerBound},{heuristic.Source},{heuristic.Peak},{learned.Peak},{fromHeuristic.Peak},{fromLearned.Peak},{split},{bestStart},{fromHeuristic.Moves},{fromLearned.Moves},{halfH.Moves + halfL.Moves},{fromHeuristic.Ms:F0},{fromLearned.Ms:F0},{halfH.Ms + halfL.Ms:F0},{learnedMs:F0}"));
        csv.Flush();
        double b = analysis.LowerBound;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{graph.Name}: start H {heuristic.Peak / b:F4} ({heuristic.Source}) L {learned.Peak / b:F4}; local H {fromHeuristic.Peak / b:F4} L {fromLearned.Peak / b:F4} split {split / b:F4} ({fromHeuristic.Moves}/{fromLearned.Moves} moves, {fromHeuristic.Ms:F0}/{fromLearned.Ms:F0} ms)"));
    }
}
