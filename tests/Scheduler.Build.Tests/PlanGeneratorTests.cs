using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Scheduler.Build.Tests;

public sealed partial class PlanGeneratorTests
{
    [Fact]
    public void Generate_Plan_ClassHasOrderNumbersAndOffsets()
    {
        var run = GeneratorHarness.Run([Plans.DiamondInput("Diamond")]);
        Assert.Empty(run.Diagnostics);
        var type = GeneratorHarness.Load(run).GetType("Scheduler.Generated.Diamond")!;
        Assert.True(type.IsAbstract && type.IsSealed, "a static class");
        Assert.Equal(210L, Const(type, "PeakBytes"));
        Assert.Equal(210L, Const(type, "LowerBoundBytes"));
        Assert.Equal(210L, Const(type, "ArenaBytes"));
        Assert.Equal("local", Const(type, "Method"));
        Assert.Equal(true, Const(type, "Proven"));
        Assert.Equal("graphs/diamond.json", Const(type, "Source"));
        Assert.Equal(100L, Invoke(type, "OffsetOf", "c \"quoted\""));
        Assert.Equal(-1L, Invoke(type, "OffsetOf", "w"));
        Assert.Equal(160L, Invoke(type, "OffsetOf", 2));
        Assert.Equal(-1, Invoke(type, "TensorIndex", "nope"));
    }

    // Spans cannot cross reflection, so consumer code (C# 7.3) reads them.
    [Fact]
    public void Generate_Plan_SpansAreUsableFromConsumerCode()
    {
        const string consumer = """
            namespace Consumer
            {
                public static class Check
                {
                    public static long[] OrderArray()
                    {
                        var order = new System.Collections.Generic.List<long>();
                        foreach (long id in Scheduler.Generated.Diamond.Order) { order.Add(id); }
                        return order.ToArray();
                    }

                    public static long End(int t) { return Scheduler.Generated.Diamond.Offsets[t] + Scheduler.Generated.Diamond.Sizes[t]; }

                    public static string Name(int t) { return Scheduler.Generated.Diamond.TensorNames[t]; }
                }
            }
            """;
        var run = GeneratorHarness.Run([Plans.DiamondInput("Diamond")], code: consumer);
        var check = GeneratorHarness.Load(run).GetType("Consumer.Check")!;
        Assert.Equal(new long[] { 10, 30, 20, 40 }, (long[])check.GetMethod("OrderArray")!.Invoke(null, null)!);
        Assert.Equal(210L, check.GetMethod("End")!.Invoke(null, [2]));
        Assert.Equal("d", check.GetMethod("Name")!.Invoke(null, [4]));
    }

    [Fact]
    public void Generate_SamePlanTwice_ByteIdenticalSource()
    {
        string first = GeneratorHarness.Run([Plans.DiamondInput("Diamond")]).Source("Diamond");
        string second = GeneratorHarness.Run([Plans.DiamondInput("Diamond")]).Source("Diamond");
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
        Assert.Contains("namespace Scheduler.Generated", first);
        Assert.Contains("public static class Diamond", first);
    }

    [Fact]
    public void Generate_NoClassName_NameFromFileName()
    {
        var run = GeneratorHarness.Run([Plans.DiamondInput()]);
        Assert.Single(run.Sources, s => s.HintName == "Diamond.g.cs");
    }

    [Fact]
    public void Generate_FileWithoutPlanMetadata_Ignored()
    {
        var run = GeneratorHarness.Run([]);
        Assert.Empty(run.Sources);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Generate_NothingChanged_ReadStepCached()
    {
        var first = GeneratorHarness.Run([Plans.DiamondInput("Diamond")]);
        var second = GeneratorHarness.Run([Plans.DiamondInput("Diamond")], previous: first.Driver);
        var steps = second.Driver.GetRunResult().Results.Single().TrackedSteps[PlanGenerator.ReadStep];
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    private static object? Const(Type type, string name) => type.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue();

    private static object? Invoke(Type type, string name, object argument)
        => type.GetMethod(name, [argument.GetType()])!.Invoke(null, [argument]);
}
