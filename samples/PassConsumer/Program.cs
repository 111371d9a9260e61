// A compiler pipeline adopting the memory-scheduling pass from its NuGet packages: reorder an ONNX model with the
// default portfolio, print every candidate, and check what a pipeline would rely on. Exit 0 when every check holds,
// 1 otherwise (one line per failed check on stderr).
using Scheduler.Graphs;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Pass;
using Scheduler.Topoformer;

string input = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "tiny_inception.onnx");
string output = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"pass-consumer-{Environment.ProcessId}.sched.onnx");

var options = PassOptions.Default with
{
    TimeBudget = TimeSpan.FromSeconds(60),
    Settings = PassOptions.Default.Settings with { Effort = 1 },
};
var pass = MemorySchedulingPass.CreateDefault();

// ONNX in, ONNX out: read, schedule with the portfolio, verify, write atomically.
PassResult result = pass.ReorderOnnx(input, output, options, OnnxReadOptions.Default.WithDims(["batch=1"]));

Console.WriteLine($"{Path.GetFileName(input)} -> {output}");
Console.WriteLine($"{result.Best.Scheduler}: peak {result.Best.PeakBytes} B (input order {result.InputPeakBytes} B, " +
                  $"lower bound {Math.Max(result.WorkingSetBound, result.CutBound)} B, " +
                  $"proven optimal: {(result.ProvenOptimal ? result.ProofSource : "no")})");
foreach (var c in result.Candidates)
{
    Console.WriteLine($"  {c.Method,-18} {c.Status.Id(),-9} {c.PeakBytes?.ToString() ?? "-",8}  {c.ElapsedMs,9:0.0} ms  {c.Message}");
}

var failures = new List<string>();

// The learned method must have run from the packaged checkpoint, found in this application's own folder (not by
// walking up into a checkout of the Scheduler repository).
var topoformer = result.Candidates.FirstOrDefault(c => c.Method == "topoformer");
if (topoformer is not { Succeeded: true })
{
    failures.Add($"topoformer did not succeed: {topoformer?.Status.Id() ?? "absent"} {topoformer?.Message}");
}
string checkpoint = ModelStore.ResolveShipped();
Console.WriteLine($"checkpoint: {checkpoint}");
if (!checkpoint.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal))
{
    failures.Add($"the Topoformer checkpoint was found at {checkpoint}, not in the output folder {AppContext.BaseDirectory}");
}

// The reported peak is the memory model's, for the order chosen and for the model written.
var graph = OnnxGraphReader.Read(input, OnnxReadOptions.Default.WithDims(["batch=1"])).Graph;
long evaluated = MemoryModel.Evaluate(graph, result.Best.Order.AsSpan());
if (evaluated != result.Best.PeakBytes)
{
    failures.Add($"reported peak {result.Best.PeakBytes} B, but MemoryModel.Evaluate of the order gives {evaluated} B");
}
var written = OnnxGraphReader.Read(output, OnnxReadOptions.Default.WithDims(["batch=1"])).Graph;
long writtenPeak = MemoryModel.Evaluate(written, Enumerable.Range(0, written.OpCount).ToArray());
if (writtenPeak != result.Best.PeakBytes)
{
    failures.Add($"the written model's node order has peak {writtenPeak} B, not the reported {result.Best.PeakBytes} B");
}
if (args.Length < 2)
{
    File.Delete(output);
}

foreach (string failure in failures)
{
    Console.Error.WriteLine($"FAIL: {failure}");
}
Console.WriteLine(failures.Count == 0 ? "PassConsumer: all checks passed" : $"PassConsumer: {failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;
