using System.Collections.Immutable;

namespace Scheduler.Graphs.Models;

/// <summary>
/// A tree of draft tokens verified in one target pass with tree attention (SpecInfer, Miao et al. 2024; recursive
/// speculative decoding, Jeon et al. 2024). Node <c>i</c> (0..Count−1) has parent <see cref="Parent"/>[i] &lt; i, or −1
/// when it hangs off the root, the pending (last accepted) token. Each query attends to the KV cache, the root and its
/// own ancestors, so the mask has the same shape as a causal one — only its contents differ, and a chain tree gives
/// exactly the causal mask.
/// </summary>
public sealed class DraftTree
{
    private DraftTree(ImmutableArray<int> parent, string shape)
    {
        Parent = parent;
        Shape = shape;
        var depth = new int[parent.Length];
        for (int i = 0; i < depth.Length; i++)
        {
            depth[i] = parent[i] < 0 ? 1 : depth[parent[i]] + 1;
        }
        Depths = [.. depth];
    }

    /// <summary>Parent of each draft node (−1 = the root, the pending token).</summary>
    public ImmutableArray<int> Parent { get; }

    /// <summary>Depth of each node below the root (1 = a child of the root): its rotary position offset.</summary>
    public ImmutableArray<int> Depths { get; }

    /// <summary>How the tree was made, e.g. "chain" or "binary".</summary>
    public string Shape { get; }

    /// <summary>Number of draft tokens (the root not counted).</summary>
    public int Count => Parent.Length;

    /// <summary>Deepest node's depth (the most tokens one verify can accept from the tree).</summary>
    public int MaxDepth => Depths.IsEmpty ? 0 : Depths.Max();

    /// <summary>A single path of <paramref name="count"/> tokens: what plain speculative decoding drafts.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static DraftTree Chain(int count)
    {
        Guard.That(count > 0, nameof(count), $"A draft tree needs at least one token, got {count}.");
        var parent = new int[count];
        for (int i = 0; i < count; i++)
        {
            parent[i] = i - 1;
        }
        return new DraftTree([.. parent], "chain");
    }

    /// <summary>
    /// The default tree: a complete tree with <paramref name="branching"/> children per node, filled breadth-first
    /// (the constant-branching trees of RSD-C, Jeon et al. 2024). With branching 2 and 16 tokens the levels hold 2, 4, 8
    /// and 2 nodes: depth 4, so at most 4 drafts (+1 bonus token) are accepted per verify.
    /// </summary>
    /// <exception cref="ArgumentException">The count or branching is not positive.</exception>
    public static DraftTree Balanced(int count, int branching = 2)
    {
        Guard.That(count > 0 && branching > 0, nameof(count),
            $"A draft tree needs positive size and branching, got {count} tokens, branching {branching}.");
        var parent = new int[count];
        for (int i = 0; i < count; i++)
        {
            // Breadth-first numbering: the root's children are 0..b−1, node p's children are b(p+1)..b(p+1)+b−1.
            parent[i] = i < branching ? -1 : (i / branching) - 1;
        }
        return new DraftTree([.. parent], branching == 2 ? "binary" : $"{branching}-ary");
    }

    /// <summary>A tree given by its parent array.</summary>
    /// <exception cref="ArgumentException">The array is empty or a parent does not come before its child.</exception>
    public static DraftTree FromParents(IReadOnlyList<int> parents)
    {
        Guard.NotNull(parents, nameof(parents));
        Guard.That(parents.Count > 0, nameof(parents), "A draft tree needs at least one token.");
        for (int i = 0; i < parents.Count; i++)
        {
            Guard.That(parents[i] >= -1 && parents[i] < i, nameof(parents),
                $"Draft node {i} has parent {parents[i]}; a parent must be −1 (the root) or an earlier node.");
        }
        return new DraftTree([.. parents], "custom");
    }

    /// <summary>True when query <paramref name="query"/> may attend to draft node <paramref name="key"/>: the key is
    /// the query itself or one of its ancestors (the tree-attention mask; cache and root are always visible).</summary>
    public bool Attends(int query, int key)
    {
        for (int a = query; a >= 0; a = Parent[a])
        {
            if (a == key)
            {
                return true;
            }
        }
        return false;
    }
}
