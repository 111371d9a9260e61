using Scheduler.Graphs.Formats;
using Scheduler.Topoformer.Model;
using TorchSharp;

namespace Scheduler.Topoformer;

/// <summary>
/// A checkpoint is a folder with <see cref="WeightsFile"/> (TorchSharp state) and <see cref="CardFile"/> (a
/// <see cref="ModelCard"/>). Each file is written atomically (temp + rename); weights are written before the card so
/// a card never describes weights that are not there yet.
/// </summary>
public static class TopoformerCheckpoint
{
    /// <summary>Weights file name inside a checkpoint folder.</summary>
    public const string WeightsFile = "model.bin";

    /// <summary>Model card file name inside a checkpoint folder.</summary>
    public const string CardFile = "model.yaml";

    /// <summary>Writes the network's weights and its card into <paramref name="directory"/>.</summary>
    public static void Save(TopoformerNetwork network, string directory, IReadOnlyDictionary<string, string>? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        SaveWeights(network, Path.Combine(directory, WeightsFile));
        var card = new ModelCard
        {
            Options = network.Options,
            Provenance = provenance is null ? [] : new Dictionary<string, string>(provenance),
        };
        AtomicFile.WriteAllText(Path.Combine(directory, CardFile), YamlFile.Serialize(card));
    }

    /// <summary>Writes only the weights (atomically).</summary>
    public static void SaveWeights(TopoformerNetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        AtomicFile.Write(path, tmp => network.save(tmp));
    }

    /// <summary>Reads a checkpoint's card.</summary>
    /// <exception cref="TopoformerConfigException">The card is missing or malformed.</exception>
    public static ModelCard ReadCard(string directory)
    {
        var card = YamlFile.Read<ModelCard>(Path.Combine(FolderOf(directory), CardFile));
        return card;
    }

    /// <summary>Builds the network a checkpoint describes and loads its weights, in eval mode on the default device.</summary>
    /// <param name="path">The checkpoint folder, or its <see cref="WeightsFile"/> or <see cref="CardFile"/>.</param>
    /// <exception cref="TopoformerConfigException">A file is missing, malformed or does not match the card.</exception>
    public static TopoformerNetwork Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string folder = FolderOf(path);
        var card = ReadCard(folder);
        TopoformerNetwork network;
        try
        {
            network = new TopoformerNetwork(card.Options);
        }
        catch (ArgumentException e)
        {
            throw new TopoformerConfigException(Path.Combine(folder, CardFile), $"{Path.Combine(folder, CardFile)}: {e.Message}", inner: e);
        }
        LoadWeights(network, Path.Combine(folder, WeightsFile));
        network.to(TorchDevice.Default);
        network.eval();
        return network;
    }

    /// <summary>Loads weights into a network built from the same options.</summary>
    /// <exception cref="TopoformerConfigException">The file is missing or its tensors do not fit the network.</exception>
    public static void LoadWeights(TopoformerNetwork network, string weightsPath)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!File.Exists(weightsPath))
        {
            throw new TopoformerConfigException(weightsPath, $"{weightsPath}: checkpoint weights not found.");
        }
        try
        {
            network.load(weightsPath, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or KeyNotFoundException)
        {
            throw new TopoformerConfigException(weightsPath,
                $"{weightsPath}: the checkpoint does not match the model ({e.Message}). "
                + "Build the model from the checkpoint's model.yaml or train a new one.", inner: e);
        }
    }

    private static string FolderOf(string path)
        => Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
}
