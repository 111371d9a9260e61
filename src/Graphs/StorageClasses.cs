namespace Scheduler.Graphs;

/// <summary>
/// The static storage facts of one graph under one memory model: which tensors share a buffer because they are views of
/// another (<see cref="ComputationGraph.AliasOf"/>, honoured only with <see cref="MemoryModelOptions.Views"/>), and per
/// buffer the uses and pins that decide when it may be freed. Computed once per simulator (O(T + uses)); the bounds of
/// <see cref="MemoryModel"/> read the same facts, so simulator and bounds cannot disagree about what a view is.
/// </summary>
/// <remarks>
/// A <b>class</b> is a root tensor (one that allocates: an op output that is not an honoured view, or a graph input)
/// and every view of it, transitively. It is identified by its root's tensor index. Its buffer is the root's size; it
/// is needed while any member has a consumer left (<see cref="Uses"/> counts them all) and never freed when
/// <see cref="Pinned"/> (a member is a graph output, or the root is resident). Without views every tensor is its own
/// class, which is the plain model.
/// </remarks>
internal sealed class StorageClasses
{
    private StorageClasses(int[] root, int[] uses, bool[] pinned, long[] allocated)
    {
        Root = root;
        Uses = uses;
        Pinned = pinned;
        Allocated = allocated;
    }

    /// <summary>Per tensor: the root of its class (itself unless it is an honoured view).</summary>
    public int[] Root { get; }

    /// <summary>Per root: consumers of all members together (an op reading two members counts twice).</summary>
    public int[] Uses { get; }

    /// <summary>Per root: a member is a graph output, or the root is resident, so the buffer is never freed.</summary>
    public bool[] Pinned { get; }

    /// <summary>Per op: bytes its step allocates, i.e. its outputs that are roots (views allocate nothing).</summary>
    public long[] Allocated { get; }

    /// <summary>True when <paramref name="tensor"/> is an honoured view (it shares its root's buffer).</summary>
    public bool IsView(int tensor) => Root[tensor] != tensor;

    /// <summary>The classes of <paramref name="graph"/> under <paramref name="options"/>.</summary>
    public static StorageClasses Of(ComputationGraph graph, MemoryModelOptions options)
    {
        int tensors = graph.TensorCount;
        var root = new int[tensors];
        for (int t = 0; t < tensors; t++)
        {
            root[t] = -1;
        }
        for (int t = 0; t < tensors; t++)
        {
            Resolve(graph, options.Views, root, t);
        }
        var uses = new int[tensors];
        var pinned = new bool[tensors];
        for (int t = 0; t < tensors; t++)
        {
            int r = root[t];
            uses[r] += graph.Consumers(t).Length;
            pinned[r] |= graph.IsGraphOutput(t) || graph.IsResident(t);
        }
        var allocated = new long[graph.OpCount];
        for (int v = 0; v < graph.OpCount; v++)
        {
            foreach (int o in graph.Outputs(v))
            {
                allocated[v] += root[o] == o ? graph.TensorSize(o) : 0;
            }
        }
        return new StorageClasses(root, uses, pinned, allocated);
    }

    /// <summary>Follows an alias chain to its root (iteratively: chains of thousands of reshapes must not overflow the
    /// stack), filling <paramref name="root"/> for every tensor on the way.</summary>
    private static void Resolve(ComputationGraph graph, bool views, int[] root, int tensor)
    {
        int t = tensor;
        while (root[t] < 0 && views && graph.AliasOf(t) >= 0)
        {
            t = graph.AliasOf(t);
        }
        int r = root[t] >= 0 ? root[t] : t;
        for (int u = tensor; root[u] < 0; u = graph.AliasOf(u))
        {
            root[u] = r;
            if (u == t)
            {
                break;
            }
        }
    }
}
