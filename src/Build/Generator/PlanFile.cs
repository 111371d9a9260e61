using System.Globalization;

namespace Scheduler.Build;

/// <summary>
/// One plan file as the planner (<c>Scheduler.Build.Planner</c>'s <c>PlanJson</c>, format 1) writes it: either the
/// error that stopped planning or the plan itself.
/// </summary>
internal sealed class PlanFile
{
    /// <summary>The plan file format this generator reads.</summary>
    public const long SupportedFormat = 1;

    private PlanFile()
    {
    }

    /// <summary>A plan with no data (every number 0, every string empty), for the class of a graph that failed.</summary>
    public static PlanFile Empty { get; } = new() { MemoryModel = "", Effort = "" };

    /// <summary>The planner's version.</summary>
    public string Planner { get; private set; } = "";

    /// <summary>Why no plan was made, or null for a plan.</summary>
    public PlanFileError? Error { get; private set; }

    /// <summary>The graph's own name (JSON "name", ONNX graph.name).</summary>
    public string GraphName { get; private set; } = "";

    /// <summary>Number of ops.</summary>
    public long OpCount { get; private set; }

    /// <summary>The method ids the pass ran.</summary>
    public IReadOnlyList<string> Methods { get; private set; } = [];

    /// <summary>The work-budget multiplier, as written in the plan (invariant culture).</summary>
    public string Effort { get; private set; } = "1";

    /// <summary>"default" or "in-place".</summary>
    public string MemoryModel { get; private set; } = "default";

    /// <summary>The method whose order won.</summary>
    public string Method { get; private set; } = "";

    /// <summary>True when the order is proven optimal.</summary>
    public bool Proven { get; private set; }

    /// <summary>What proves it (a method, or "lower bound (met by …)"), or "" when not proven.</summary>
    public string Proof { get; private set; } = "";

    /// <summary>True when the wall-clock safety cap cut a method short (the plan may then vary between runs).</summary>
    public bool Capped { get; private set; }

    /// <summary>Peak live bytes of the order.</summary>
    public long PeakBytes { get; private set; }

    /// <summary>The larger of the working-set and cut bounds.</summary>
    public long LowerBoundBytes { get; private set; }

    /// <summary>Arena size after offset assignment.</summary>
    public long ArenaBytes { get; private set; }

    /// <summary>Bytes of resident inputs and weights (outside the arena).</summary>
    public long ResidentBytes { get; private set; }

    /// <summary>Peak of the file's own order.</summary>
    public long InputPeakBytes { get; private set; }

    /// <summary>Node ids as in the graph file, in execution order.</summary>
    public IReadOnlyList<long> Order { get; private set; } = [];

    /// <summary>Every tensor, in the graph's tensor order.</summary>
    public IReadOnlyList<PlanTensor> Tensors { get; private set; } = [];

    /// <summary>Methods that failed (method id, message).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Failures { get; private set; } = [];

    /// <summary>Parses a plan file.</summary>
    /// <exception cref="FormatException">Not JSON, not a plan, or a format this generator does not read.</exception>
    public static PlanFile Parse(string json)
    {
        var root = PlanJsonReader.Parse(json) as Dictionary<string, object?> ?? throw new FormatException("the top level is not an object");
        long format = Long(root, "format");
        if (format != SupportedFormat)
        {
            throw new FormatException($"plan format {format}, but this generator reads format {SupportedFormat}");
        }
        var plan = new PlanFile { Planner = Str(root, "planner") };
        if (root.TryGetValue("error", out object? e) && e is Dictionary<string, object?> error)
        {
            plan.Error = new PlanFileError(Str(error, "kind"), Str(error, "message"), (int)Long(error, "line"), (int)Long(error, "column"));
            return plan;
        }
        var graph = Obj(root, "graph");
        var options = Obj(root, "options");
        plan.GraphName = Str(graph, "name");
        plan.OpCount = Long(graph, "ops");
        plan.Methods = Arr(options, "methods").Select(m => m as string ?? throw new FormatException("a method id is not a string")).ToArray();
        plan.Effort = options.TryGetValue("effort", out object? effort) ? Convert.ToString(effort, CultureInfo.InvariantCulture) ?? "1" : "1";
        plan.MemoryModel = Str(options, "memory_model");
        plan.Method = Str(root, "method");
        plan.Proven = Bool(root, "proven");
        plan.Proof = root.TryGetValue("proof", out object? proof) ? proof as string ?? "" : "";
        plan.Capped = Bool(root, "capped");
        plan.PeakBytes = Long(root, "peak_bytes");
        plan.LowerBoundBytes = Long(root, "lower_bound_bytes");
        plan.ArenaBytes = Long(root, "arena_bytes");
        plan.ResidentBytes = Long(root, "resident_bytes");
        plan.InputPeakBytes = Long(root, "input_peak_bytes");
        plan.Order = Arr(root, "order").Select(id => id is long l ? l : throw new FormatException("a node id in \"order\" is not an integer")).ToArray();
        plan.Tensors = Arr(root, "tensors").Select(Tensor).ToArray();
        plan.Failures = Arr(root, "candidates").OfType<Dictionary<string, object?>>()
            .Where(c => Str(c, "status") == "failed")
            .Select(c => new KeyValuePair<string, string>(Str(c, "method"), c.TryGetValue("message", out object? m) ? m as string ?? "" : ""))
            .ToArray();
        return plan;
    }

    private static PlanTensor Tensor(object? value)
    {
        var t = value as Dictionary<string, object?> ?? throw new FormatException("a tensor is not an object");
        long? producer = t.TryGetValue("producer", out object? p) && p is long id ? id : null;
        return new PlanTensor(Str(t, "name"), Long(t, "size"), Long(t, "offset"), (int)Long(t, "first_step"), (int)Long(t, "last_step"), producer, (int)Long(t, "output"));
    }

    private static Dictionary<string, object?> Obj(Dictionary<string, object?> o, string key)
        => Get(o, key) as Dictionary<string, object?> ?? throw new FormatException($"\"{key}\" is not an object");

    private static List<object?> Arr(Dictionary<string, object?> o, string key)
        => Get(o, key) as List<object?> ?? throw new FormatException($"\"{key}\" is not an array");

    private static string Str(Dictionary<string, object?> o, string key)
        => Get(o, key) as string ?? throw new FormatException($"\"{key}\" is not a string");

    private static long Long(Dictionary<string, object?> o, string key)
        => Get(o, key) is long l ? l : throw new FormatException($"\"{key}\" is not an integer");

    private static bool Bool(Dictionary<string, object?> o, string key)
        => Get(o, key) is bool b ? b : throw new FormatException($"\"{key}\" is not true or false");

    private static object? Get(Dictionary<string, object?> o, string key)
        => o.TryGetValue(key, out object? v) ? v : throw new FormatException($"missing \"{key}\"");
}
