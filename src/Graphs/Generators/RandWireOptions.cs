namespace Scheduler.Graphs.Generators;

/// <summary>
/// Parameters of <see cref="RandWireGenerator"/>. The defaults are the small-computation regime of Xie et al. 2019
/// ("Exploring Randomly Wired Neural Networks for Image Recognition", Table 1): a 224×224 image, two stem convolutions,
/// three random stages of N = 32 nodes at 28², 14² and 7² with C, 2C and 4C channels (C = 78), WS(4, 0.75), then a
/// 1×1 convolution to 1280 channels, global pooling and a 1000-way classifier. Tensor sizes are real activation
/// shapes: batch × channels × height × width × dtype bytes.
/// </summary>
/// <param name="NodesPerStage">Nodes of each random stage (N).</param>
/// <param name="Stages">Random stages; each halves the resolution and doubles the channels.</param>
/// <param name="Graph">The random-graph model.</param>
/// <param name="K">WS: ring degree (even).</param>
/// <param name="P">WS: rewiring probability; ER: edge probability.</param>
/// <param name="M">BA: edges per added node.</param>
/// <param name="Channels">C: channels of the first random stage.</param>
/// <param name="ImageSize">Input height and width; the first stage runs at ImageSize / 8.</param>
/// <param name="Batch">Images per batch.</param>
/// <param name="DtypeBytes">Bytes per element (4: fp32).</param>
public sealed record RandWireOptions(
    int NodesPerStage = 32,
    int Stages = 3,
    RandomGraphKind Graph = RandomGraphKind.WattsStrogatz,
    int K = 4,
    double P = 0.75,
    int M = 5,
    int Channels = 78,
    int ImageSize = 224,
    int Batch = 1,
    int DtypeBytes = 4);
