namespace Scheduler.Build.Tests;

public sealed class PlanJsonReaderTests
{
    [Fact]
    public void Parse_Values_Typed()
    {
        var o = Assert.IsType<Dictionary<string, object?>>(PlanJsonReader.Parse("""{"a": [1, -2, 1.5e3, true, false, null], "s": "x\"\\\u0027\n"}"""));
        Assert.Equal(new object?[] { 1L, -2L, 1500.0, true, false, null }, Assert.IsType<List<object?>>(o["a"]));
        Assert.Equal("x\"\\'\n", o["s"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\" 1}")]
    [InlineData("[1,]")]
    [InlineData("\"open")]
    [InlineData("{} x")]
    [InlineData("tru")]
    public void Parse_Malformed_FormatException(string text) => Assert.Throws<FormatException>(() => PlanJsonReader.Parse(text));
}
