using System.Text.RegularExpressions;
using Scheduler.Testing;

namespace Scheduler.Tests;

/// <summary>docs/DESIGN.md exists and every "docs/DESIGN.md §N" cited in src/, README.md and the CLI's help names one of its sections.</summary>
public partial class DesignDocTests
{
    [Fact]
    public void Citations_EverySectionCitedExists()
    {
        string design = File.ReadAllText(Path.Combine(TestData.RepoRoot, "docs", "DESIGN.md"));
        var sections = Heading().Matches(design).Select(m => m.Groups[1].Value).ToHashSet();
        var files = Directory.EnumerateFiles(Path.Combine(TestData.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(TestData.RepoRoot, "README.md"));
        int cited = 0;
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            Assert.False(Bare().IsMatch(text), $"{file} cites DESIGN § without docs/DESIGN.md");
            foreach (Match m in Citation().Matches(text))
            {
                cited++;
                Assert.True(sections.Contains(m.Groups[1].Value), $"{file} cites docs/DESIGN.md §{m.Groups[1].Value}, which has no heading");
            }
        }
        Assert.True(cited > 10, $"only {cited} citations found");
    }

    [GeneratedRegex(@"^#{2,3} (\d+(?:\.\d+)?)\.? ", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"docs/DESIGN\.md §(\d+(?:\.\d+)?)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"(?<!docs/)DESIGN §")]
    private static partial Regex Bare();
}
