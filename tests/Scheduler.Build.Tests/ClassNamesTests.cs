namespace Scheduler.Build.Tests;

public sealed class ClassNamesTests
{
    [Theory]
    [InlineData("models/tiny_inception.onnx", "TinyInception")]
    [InlineData("graphs/golden-004-random-11.json", "Golden004Random11")]
    [InlineData("encoder.onnx", "Encoder")]
    [InlineData("a\\b\\my model.v2.json", "MyModelV2")]
    [InlineData("3layer.json", "_3layer")]
    [InlineData("---.json", "Graph")]
    public void FromFileName_Examples_PascalCase(string path, string expected)
        => Assert.Equal(expected, ClassNames.FromFileName(path));

    [Theory]
    [InlineData("Encoder", true)]
    [InlineData("_3layer", true)]
    [InlineData("class", false)]
    [InlineData("a-b", false)]
    [InlineData("", false)]
    public void IsValid_Examples(string name, bool expected) => Assert.Equal(expected, ClassNames.IsValid(name));
}
