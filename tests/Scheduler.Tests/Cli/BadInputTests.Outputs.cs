using Scheduler.Graphs.Formats;

namespace Scheduler.Tests.Cli;

/// <summary>Output paths: checked before any work, never created by accident; temp files of atomic writes cleaned up.</summary>
public partial class BadInputTests
{
    [Fact]
    public void Schedule_OutIntoMissingFolder_ExitTwoNamingFolderNothingCreated()
    {
        string root = Directory.CreateTempSubdirectory("out-missing").FullName;
        string folder = Path.Combine(root, "no", "such");
        AssertBadInput(CliRunner.Run("schedule", Golden, "--method", "input", "--out", Path.Combine(folder, "out.json")),
            $"the folder {folder} does not exist; create it first");
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [Theory]
    [InlineData("out.json")]
    [InlineData("sub/out.json")]
    public void Schedule_OutUnderAFile_ExitTwoNamingTheFile(string below)
    {
        string file = WriteTemp("plain", "x");
        AssertBadInput(CliRunner.Run("schedule", Golden, "--method", "input", "--out", Path.Combine(file, below)), $"{file} is a file, not a folder");
    }

    [Fact]
    public void Schedule_OutIsAFolder_ExitTwo()
    {
        string dir = Directory.CreateTempSubdirectory("out-dir").FullName;
        AssertBadInput(CliRunner.Run("schedule", Golden, "--method", "input", "--out", dir), "is a folder; give a file name");
    }

    [Fact]
    public void FolderOutputsUnderAFile_ExitTwoBeforeAnyWork()
    {
        string file = WriteTemp("plain", "x");
        AssertBadInput(CliRunner.Run("generate", "layered", "--out", Path.Combine(file, "gen")), $"--out {file}", "is a file, not a folder");
        AssertBadInput(CliRunner.Run("compare", Golden, "--methods", "bfs", "--report", Path.Combine(file, "r")), "--report", "is a file, not a folder");
        AssertBadInput(CliRunner.Run("models", "export", "llama2-7b-chat", "--out", Path.Combine(file, "m.json")), "is a file, not a folder");
    }

    [Fact]
    public void Generate_OutMissingFolder_CreatesIt()
    {
        string dir = Path.Combine(Directory.CreateTempSubdirectory("gen-new").FullName, "a", "b");
        var (code, _, stderr) = CliRunner.Run("generate", "layered", "--nodes", "20", "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Single(Directory.GetFiles(dir, "*.json"));
    }

    [Fact]
    public void Schedule_Out_RemovesOnlyStaleTempsOfTheSameTarget()
    {
        string dir = Directory.CreateTempSubdirectory("out-tmp").FullName;
        string stale = Path.Combine(dir, ".out.json.0123456789abcdef0123456789abcdef.tmp");
        string fresh = Path.Combine(dir, ".out.json.fedcba9876543210fedcba9876543210.tmp");
        string otherTarget = Path.Combine(dir, ".other.json.0123456789abcdef0123456789abcdef.tmp");
        string notOurs = Path.Combine(dir, ".out.json.keep.tmp");
        foreach (string f in new[] { stale, fresh, otherTarget, notOurs })
        {
            File.WriteAllText(f, "left by a killed writer");
            File.SetLastWriteTimeUtc(f, f == fresh ? DateTime.UtcNow : DateTime.UtcNow - AtomicFile.StaleAfter - TimeSpan.FromMinutes(1));
        }
        var (code, _, stderr) = CliRunner.Run("schedule", Golden, "--method", "input", "--out", Path.Combine(dir, "out.json"));
        Assert.True(code == 0, stderr);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh), "a temp still being written (recent) is kept");
        Assert.True(File.Exists(otherTarget), "another target's temp is kept");
        Assert.True(File.Exists(notOurs), "a file that is not one of ours is kept");
        Assert.Equal(4, Directory.GetFiles(dir).Length); // out.json plus the three kept
    }
}
