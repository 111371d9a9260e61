namespace Scheduler.Graphs.Models;

/// <summary>
/// How a model graph represents storage the framework shares (docs/DESIGN.md §6), each off by default and named in the
/// graph's name by <see cref="Suffix"/>. Both only mark aliases (<see cref="ComputationGraph.AliasOf"/>); whether an
/// alias costs nothing is the memory model's <see cref="MemoryModelOptions.Views"/>, so a graph built with them is
/// scored as before under the default model.
/// </summary>
public sealed record ModelGraphOptions
{
    /// <summary>No option on: the graphs as the zoo always built them.</summary>
    public static ModelGraphOptions Default { get; } = new();

    /// <summary>Emit the framework's head-split and head-merge reshapes as "Reshape" ops, each a view of its input.</summary>
    public bool Views { get; init; }

    /// <summary>
    /// Prefill, decode, spec-verify, tree-verify and spec-step write the new K/V rows into the resident cache in place (HF
    /// <c>StaticCache.update</c>'s <c>index_copy_</c>, vLLM's <c>reshape_and_cache</c>): the cache input holds the
    /// rows of every token the graph writes (its capacity), each write ("KvWrite") outputs the rows it wrote as a view
    /// of the cache it wrote into, and attention reads that view, i.e. the updated cache. Chained steps write into the
    /// state the step before left, ordered after that state's readers (an in-place write follows every reader of the
    /// old value). Prefill fills a static cache of the prompt's length (image tokens included) that held nothing
    /// before. Off, each append's rows are a new graph output beside the cache (<c>KvAppend</c>). Train-step has no
    /// cache and is unchanged.
    /// </summary>
    public bool KvInPlace { get; init; }

    /// <summary>What the graph name gets: "", "-views", "-kv-in-place" or "-views-kv-in-place".</summary>
    public string Suffix => (Views ? "-views" : "") + (KvInPlace ? "-kv-in-place" : "");
}
