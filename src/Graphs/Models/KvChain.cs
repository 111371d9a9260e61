namespace Scheduler.Graphs.Models;

/// <summary>
/// The KV entries that earlier chained decode steps appended (spec-step's drafter): per layer, the new key and value
/// tensors of each earlier step, which a later step's attention reads beside the resident cache.
/// </summary>
internal sealed class KvChain
{
    private readonly List<int>[] _keys;
    private readonly List<int>[] _values;

    public KvChain(int layers)
    {
        _keys = new List<int>[layers];
        _values = new List<int>[layers];
        for (int l = 0; l < layers; l++)
        {
            _keys[l] = [];
            _values[l] = [];
        }
    }

    /// <summary>Tokens appended by earlier steps.</summary>
    public int Tokens { get; private set; }

    public IReadOnlyList<int> Keys(int layer) => _keys[layer];

    public IReadOnlyList<int> Values(int layer) => _values[layer];

    public void Add(int layer, int key, int value)
    {
        _keys[layer].Add(key);
        _values[layer].Add(value);
    }

    public void EndStep(int tokens) => Tokens += tokens;
}
