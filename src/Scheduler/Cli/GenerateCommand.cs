using System.CommandLine;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Generators;

namespace Scheduler.Cli;

/// <summary>
/// <c>scheduler generate layered|erdos-renyi --nodes N --count C --seed S --out DIR</c>: writes seeded, reproducible
/// graph files (graph i uses seed S + i; the same arguments give byte-identical files).
/// </summary>
public static class GenerateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var family = new Argument<string>("family") { Description = "layered (the paper's generator) or erdos-renyi" };
        family.AcceptOnlyFromAmong("layered", "erdos-renyi");
        var nodes = new Option<int>("--nodes") { Description = "Ops per graph", DefaultValueFactory = _ => 500 };
        var count = new Option<int>("--count") { Description = "Number of graphs", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the first graph", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "." };
        var edgeDensity = new Option<double?>("--edge-density") { Description = "layered: ρ (default 0.2); erdos-renyi: edge probability (default 4/N)" };
        var skipDensity = new Option<double>("--skip-density") { Description = "layered: skip-edge probability", DefaultValueFactory = _ => 0.14 };
        var spread = new Option<double>("--node-spread") { Description = "layered: σ of layer sizes", DefaultValueFactory = _ => 0.75 };
        var command = new Command("generate", "Generate synthetic graphs (JSON v1)");
        command.Arguments.Add(family);
        foreach (Option o in new Option[] { nodes, count, seed, output, edgeDensity, skipDensity, spread })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse =>
        {
            int n = parse.GetValue(nodes), c = parse.GetValue(count), s = parse.GetValue(seed);
            if (n < 1 || c < 1)
            {
                throw new UsageException($"--nodes and --count must be at least 1, got {n} and {c}");
            }
            string f = parse.GetValue(family)!, dir = parse.GetValue(output)!;
            double? rho = parse.GetValue(edgeDensity);
            var layered = new LayeredGraphOptions(n, parse.GetValue(spread), rho ?? 0.2, parse.GetValue(skipDensity));
            for (int i = 0; i < c; i++)
            {
                string name = $"{f}-{n}-{i:000}";
                ComputationGraph g = f == "layered"
                    ? LayeredGraphGenerator.Generate(layered, s + i, name)
                    : ErdosRenyiGenerator.Generate(n, rho ?? Math.Min(1.0, 4.0 / n), s + i, name);
                JsonGraphWriter.WriteFile(g, Path.Combine(dir, name + ".json"));
                Console.Error.WriteLine($"generate: {i + 1}/{c} {name}: {g.OpCount} ops, {g.EdgeCount} edges");
            }
            return 0;
        });
        return command;
    }
}
