namespace Scheduler.Topoformer;

/// <summary>
/// The topological relations of Topoformer (Gagrani et al. 2022, §3.2), one per group of attention heads: a query op
/// i attends only to ops j with the relation (i, j), and always to itself. In the order of the head groups: reduction
/// forward/backward (i→j / j→i in the transitive reduction), shortcut forward/backward (edges of the DAG that the
/// reduction drops), closure forward/backward (reachable by a longer path but not an edge), and incomparable pairs
/// (neither reaches the other). Together with i = j they partition all N² pairs. <see cref="SampledRelations"/>
/// lists, per op, at most K members of each.
/// </summary>
public static class AttentionRelations
{
    /// <summary>Number of relations (head groups).</summary>
    public const int Count = 7;

    /// <summary>Index of each relation in the head-group dimension.</summary>
    public const int ReductionForward = 0, ReductionBackward = 1, ShortcutForward = 2, ShortcutBackward = 3,
        ClosureForward = 4, ClosureBackward = 5, Incomparable = 6;

    /// <summary>Relation names, in the order of the head groups.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "reduction_forward", "reduction_backward", "shortcut_forward", "shortcut_backward",
        "closure_forward", "closure_backward", "incomparable",
    ];
}
