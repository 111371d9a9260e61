using System.CommandLine;
using Scheduler.Pass.Compare;
using Scheduler.Pass;
using Scheduler.Pass.Adaptive;
using Scheduler.Reports;
using Spectre.Console;

namespace Scheduler.Cli;

/// <summary>
/// <c>scheduler compare [FILES|DIRS] [--methods a,b,c] [--adaptive [--posterior FILE]] [--arena [STRATEGY]] [--time-limit S] [--json] [--report DIR]</c>:
/// runs methods over graphs and prints a table; with no input it runs the bundled datasets and model graphs and writes
/// a report. <c>--adaptive</c> adds the adaptive portfolio's row, fed the graphs in the order given; <c>--arena</c>
/// plans offsets for every row's order and reports the arena beside the peak (<see cref="CompareArena"/>).
/// </summary>
public static class CompareCommand
{
    /// <summary>Methods run when --methods is not given.</summary>
    public static IReadOnlyList<string> DefaultMethods { get; } =
    [
        "input", "bfs", "dfs", "random", "lpmf", "inductor-bfs", "inductor-dfs", "xla-list", "xla-dfs", "post-order",
        "beam", "local", "topoformer", "topoformer-sample", "exact", "cpsat", "best", "oracle",
    ];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Graph files or folders (default: the bundled datasets and model graphs)", Arity = ArgumentArity.ZeroOrMore };
        var methods = new Option<string?>("--methods") { Description = "Comma-separated method ids (default: all)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON array of results instead of tables" };
        var report = new Option<string?>("--report") { Description = "Write report.md, report.html, plots and CSV/JSON here (default with no inputs: reports/)" };
        var noModels = new Option<bool>("--no-models") { Description = "With no inputs: skip the built-in LLM model graphs" };
        var adaptive = new Option<bool>("--adaptive") { Description = "Add the adaptive portfolio (row 'adaptive'): learns across the graphs, in the order given, which methods are worth their work" };
        var posterior = new Option<string?>("--posterior") { Description = "With --adaptive: start from the posterior in FILE if it exists, and save it there afterwards (atomically)" };
        var common = new CommonOptions();
        var arena = new ArenaOptions();
        var command = new Command("compare", "Compare methods over graphs: peak, peak / lower bound, time");
        command.Arguments.Add(inputs);
        command.Options.Add(methods);
        command.Options.Add(json);
        command.Options.Add(report);
        command.Options.Add(noModels);
        command.Options.Add(adaptive);
        command.Options.Add(posterior);
        common.AddTo(command);
        command.Options.Add(common.InPlace);
        command.Options.Add(common.Views);
        arena.AddTo(command);
        command.SetAction(parse =>
        {
            string? strategy = arena.StrategyId(parse);
            var paths = parse.GetValue(inputs) ?? [];
            var ids = parse.GetValue(methods)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? DefaultMethods.ToArray();
            if (parse.GetValue(adaptive) && !ids.Contains("adaptive"))
            {
                ids = [.. ids, "adaptive"];
            }
            foreach (string id in ids)
            {
                if (MethodCatalog.Problem(id, CompareRunner.PseudoMethods) is string problem)
                {
                    throw new UsageException($"--methods: {problem}");
                }
            }
            string? posteriorPath = parse.GetValue(posterior);
            if (posteriorPath is not null && !ids.Contains("adaptive"))
            {
                throw new UsageException("--posterior needs --adaptive (or 'adaptive' in --methods)");
            }
            if (posteriorPath is not null)
            {
                OutputPaths.CheckFile("--posterior", posteriorPath);
            }
            string? reportDir = parse.GetValue(report) ?? (paths.Length == 0 ? "reports" : null);
            if (reportDir is not null)
            {
                OutputPaths.CheckFolder("--report", reportDir);
            }
            var options = common.PassOptions(parse, ids, 60);
            options = options with { Memory = common.MemoryModel(parse, options.Memory) };
            var graphs = paths.Length == 0 ? BundledGraphs.Load(!parse.GetValue(noModels)) : GraphLoader.LoadAll(paths, common.Import(parse));
            var runner = new CompareRunner(MethodCatalog.Members, options)
            {
                Arena = strategy is null ? null : new CompareArena(strategy, parse.GetValue(arena.Alignment)),
            };
            if (ids.Contains("adaptive"))
            {
                // Load before any work, so a bad file is exit 2 at once, not after the comparison.
                var loaded = posteriorPath is not null && File.Exists(posteriorPath) ? AdaptivePortfolio.Load(posteriorPath) : null;
                var portfolioOptions = options with { Methods = MethodCatalog.DefaultPortfolio };
                runner.Adaptive = new AdaptivePortfolio(MethodCatalog.Members, portfolioOptions, AdaptiveOptions.Default with { Seed = options.Settings.Seed }, loaded);
            }
            int code = Run(runner, graphs, ids, options, parse.GetValue(json), reportDir, string.Join(' ', ["scheduler", .. parse.Tokens.Select(t => t.Value)]));
            if (posteriorPath is not null)
            {
                runner.Adaptive!.Save(posteriorPath);
                Terminal.Err.WriteLine($"posterior saved: {posteriorPath} ({runner.Adaptive.Posterior.GraphsSeen} graphs seen)");
            }
            return code;
        });
        return command;
    }

    private static int Run(CompareRunner runner, IReadOnlyList<NamedGraph> graphs, IReadOnlyList<string> ids, PassOptions options, bool json, string? reportDir, string commandLine)
    {
        if (graphs.Count == 0)
        {
            throw new UsageException("no graphs to compare (the inputs hold no .json or .onnx files)");
        }
        var started = DateTime.UtcNow;
        string? loadAtStart = ReportContext.ReadLoadAverage();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = WithProgress(runner, graphs, ids);
        var elapsed = clock.Elapsed;
        if (json)
        {
            Console.Out.Write(CompareJson.Write(rows));
        }
        else
        {
            PrintTables(rows, graphs.Count);
        }
        if (reportDir is not null)
        {
            var context = new ReportContext(commandLine, started, options.TimeBudget.TotalSeconds, options.Settings.Seed, options.Memory.Name,
                elapsed, loadAtStart, ReportContext.ReadLoadAverage()) { Arena = runner.Arena };
            string md = ReportWriter.Write(reportDir, rows, graphs, context, options.Memory);
            Terminal.Err.WriteLine($"report written: {md} (and report.html, results.csv, results.json, orders.json, plots/)");
        }
        return 0;
    }

    /// <summary>Runs the comparison with a progress bar (a line every 10% when stderr is not a terminal), both with
    /// the estimated time left (<see cref="RemainingTime"/>).</summary>
    private static IReadOnlyList<CompareRow> WithProgress(CompareRunner runner, IReadOnlyList<NamedGraph> graphs, IReadOnlyList<string> ids)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var eta = new RemainingTime(graphs, runner.RowsPerGraph(ids), runner.PredictedWork, () => clock.Elapsed.TotalMilliseconds);
        runner.RowFinished += (row, _, _) => eta.Observe(row);
        if (!Terminal.Interactive)
        {
            int lastLogged = -1;
            runner.RowFinished += (row, done, total) =>
            {
                int percent = done * 100 / total;
                if (percent / 10 != lastLogged)
                {
                    lastLogged = percent / 10;
                    Console.Error.WriteLine($"compare: {done}/{total} runs ({percent}%), {Format.Duration(clock.Elapsed.TotalMilliseconds)} so far, {eta.Describe()}; last {row.Graph} / {row.Method}");
                }
            };
            return runner.Run(graphs, ids);
        }
        IReadOnlyList<CompareRow> rows = [];
        Terminal.Err.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("compare", maxValue: 1);
                runner.RowFinished += (row, done, total) =>
                {
                    task.MaxValue = total;
                    task.Value = done;
                    task.Description = Markup.Escape($"{done}/{total} {row.Graph} / {row.Method} · {eta.Describe()}");
                };
                rows = runner.Run(graphs, ids);
            });
        return rows;
    }

    private static void PrintTables(IReadOnlyList<CompareRow> rows, int graphCount)
    {
        var data = ReportData.From(rows);
        var tables = new List<ReportTable> { ReportTable.Headline(data.Headlines) };
        tables.AddRange(ReportTable.Summaries(data.Summaries));
        if (graphCount <= 10)
        {
            tables.Add(ReportTable.AllRows(rows));
        }
        foreach (var t in tables)
        {
            var table = new Table { Title = new TableTitle(Markup.Escape(t.Title)) };
            foreach (string h in t.Header)
            {
                table.AddColumn(new TableColumn(Markup.Escape(h.TrimEnd(':'))) { Alignment = h.EndsWith(':') ? Justify.Right : Justify.Left });
            }
            foreach (var r in t.Rows)
            {
                table.AddRow(r.Select(Markup.Escape).ToArray());
            }
            Terminal.Out.Write(table);
        }
        Terminal.Out.WriteLine(OverallHeadline.From(data).Sentence().Replace("`", "", StringComparison.Ordinal));
    }
}
