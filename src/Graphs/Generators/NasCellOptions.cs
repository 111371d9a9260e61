namespace Scheduler.Graphs.Generators;

/// <summary>
/// Parameters of <see cref="NasCellGenerator"/>. The defaults are DARTS's CIFAR-10 search network (Liu et al. 2019,
/// "DARTS: Differentiable Architecture Search", §3 and its code): 8 cells, C = 16, 4 intermediate nodes per cell,
/// stem multiplier 3, reduction cells at 1/3 and 2/3 of the depth, 32×32 images. Tensor sizes are activation
/// shapes: batch × channels × height × width × dtype bytes.
/// </summary>
/// <param name="Cells">Cells in the stack.</param>
/// <param name="Steps">Intermediate nodes per cell; the cell output concatenates all of them.</param>
/// <param name="Channels">C: channels of one intermediate node in the first cells (doubled at each reduction).</param>
/// <param name="ImageSize">Input height and width.</param>
/// <param name="Batch">Images per batch.</param>
/// <param name="DtypeBytes">Bytes per element (4: fp32).</param>
/// <param name="SharedGenotype">True: one normal and one reduction cell genotype, repeated through the stack (as
/// NASNet and DARTS networks do); false: every cell draws its own.</param>
/// <param name="StemMultiplier">The stem convolution outputs StemMultiplier × C channels.</param>
/// <param name="Classes">Outputs of the classifier.</param>
public sealed record NasCellOptions(
    int Cells = 8,
    int Steps = 4,
    int Channels = 16,
    int ImageSize = 32,
    int Batch = 1,
    int DtypeBytes = 4,
    bool SharedGenotype = true,
    int StemMultiplier = 3,
    int Classes = 10);
