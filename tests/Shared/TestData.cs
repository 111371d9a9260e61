using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Generators;

namespace Scheduler.Testing;

/// <summary>Expected values for one golden graph (computed independently, see tests/golden/README.md).</summary>
public sealed record GoldenCase(string Name, ComputationGraph Graph, long OptimalPeak, long InputOrderPeak, long BfsPeak, long LowerBound, long[] OptimalOrderIds)
{
    public override string ToString() => Name;
}

/// <summary>Locates repository data for tests: the golden graphs, bundled datasets and random DAGs.</summary>
public static class TestData
{
    private static readonly Lazy<IReadOnlyList<GoldenCase>> Golden = new(LoadGolden);

    /// <summary>The repository root (the folder holding Scheduler.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>All golden graphs with their expected values.</summary>
    public static IReadOnlyList<GoldenCase> GoldenCases => Golden.Value;

    /// <summary>Golden case names, for [MemberData].</summary>
    public static IEnumerable<object[]> GoldenNames() => GoldenCases.Select(c => new object[] { c.Name });

    /// <summary>One golden case by name.</summary>
    public static GoldenCase GoldenCase(string name) => GoldenCases.Single(c => c.Name == name);

    /// <summary>A mix of small random DAGs (Erdős–Rényi and layered) for property tests.</summary>
    public static ComputationGraph RandomDag(int seed, int maxNodes = 60)
    {
        var random = new Random(seed);
        int n = random.Next(1, maxNodes + 1);
        return random.Next(2) == 0
            ? ErdosRenyiGenerator.Generate(n, random.NextDouble() * 0.3, seed)
            : LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: n), seed);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scheduler.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find Scheduler.sln above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyList<GoldenCase> LoadGolden()
    {
        string dir = Path.Combine(RepoRoot, "tests", "golden");
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        var cases = new List<GoldenCase>();
        foreach (var entry in expected.RootElement.EnumerateObject())
        {
            var graph = JsonGraphReader.ReadFile(Path.Combine(dir, entry.Name + ".json"));
            var e = entry.Value;
            cases.Add(new GoldenCase(entry.Name, graph,
                e.GetProperty("optimal_peak").GetInt64(), e.GetProperty("input_order_peak").GetInt64(),
                e.GetProperty("bfs_peak").GetInt64(), e.GetProperty("lower_bound").GetInt64(),
                e.GetProperty("optimal_order").EnumerateArray().Select(x => x.GetInt64()).ToArray()));
        }
        return cases;
    }

    /// <summary>A chain of <paramref name="ops"/> ops with 16-byte outputs, each used by the next (ops − 1 edges);
    /// the last output is a graph output.</summary>
    public static ComputationGraph Chain(int ops)
    {
        var b = new GraphBuilder();
        int? previous = null;
        for (int i = 0; i < ops; i++)
        {
            int op = b.AddOp(i, $"op{i}");
            if (previous is int t)
            {
                b.AddUse(t, op);
            }
            previous = b.AddOutput(op, 16, graphOutput: i == ops - 1);
        }
        return b.Build();
    }
}
