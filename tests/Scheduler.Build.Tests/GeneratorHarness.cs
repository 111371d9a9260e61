using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Scheduler.Build.Tests;

/// <summary>One plan file as the Scheduler.Build targets pass it: path, text (null: missing) and item metadata.</summary>
public sealed record PlanInput(string Path, string? Text, string GraphPath, string Source, string ClassName = "");

/// <summary>What a generator run produced.</summary>
public sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<GeneratedSourceResult> Sources)
{
    /// <summary>The diagnostics with the given id.</summary>
    public IEnumerable<Diagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id);

    /// <summary>The one generated source called NAME.g.cs.</summary>
    public string Source(string className) => Sources.Single(s => s.HintName == className + ".g.cs").SourceText.ToString();
}

/// <summary>Runs <see cref="PlanGenerator"/> the way the compiler does: plan files as AdditionalFiles, their metadata
/// and the SchedulerMemoryBudget property through the analyzer config options.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || System.IO.Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    /// <summary>Runs the generator over <paramref name="plans"/> and compiles the result with <paramref name="code"/>.</summary>
    public static GeneratorRun Run(IEnumerable<PlanInput> plans, string? budget = null, string code = "", GeneratorDriver? previous = null)
    {
        var inputs = plans.ToList();
        var compilation = Compilation(code);
        var texts = inputs.Select(p => (AdditionalText)new MemoryText(p.Path, p.Text)).ToImmutableArray();
        var options = new OptionsProvider(budget, inputs);
        var driver = previous?.ReplaceAdditionalTexts(texts).WithUpdatedAnalyzerConfigOptions(options)
            ?? CSharpGeneratorDriver.Create([new PlanGenerator().AsSourceGenerator()], texts, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, options,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return new GeneratorRun(driver, output, diagnostics, result.GeneratedSources);
    }

    /// <summary>Compiles <paramref name="run"/>'s output into an assembly, failing on any compiler error.</summary>
    public static Assembly Load(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        var emit = run.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    }

    private static CSharpCompilation Compilation(string code)
        => CSharpCompilation.Create("Consumer",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.CSharp7_3))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

    private sealed class MemoryText(string path, string? text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => text is null ? null : SourceText.From(text);
    }

    private sealed class OptionsProvider(string? budget, IReadOnlyList<PlanInput> plans) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(budget is null ? [] : new() { ["build_property.SchedulerMemoryBudget"] = budget });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var plan = plans.FirstOrDefault(p => p.Path == textFile.Path);
            return plan is null ? new Options([]) : new Options(new()
            {
                ["build_metadata.AdditionalFiles.SchedulerPlan"] = "true",
                ["build_metadata.AdditionalFiles.SchedulerGraphPath"] = plan.GraphPath,
                ["build_metadata.AdditionalFiles.SchedulerGraphSource"] = plan.Source,
                ["build_metadata.AdditionalFiles.SchedulerClassName"] = plan.ClassName,
            });
        }
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
