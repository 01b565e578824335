using AzSpokeTools.Engine.Hosting;
using Xunit;

namespace AzSpokeTools.Engine.Tests;

/// <summary>An output file is written whole or not at all, whatever happens while it is written.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AFailureWhileWritingLeavesTheOldFileAndNoTemporaryFile()
    {
        var path = Path.Combine(_dir, "plan.json");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write(new byte[] { 1, 2, 3 });
            throw new InvalidOperationException("cancelled half way");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir));
    }

    [Fact]
    public void CommitReplacesTheFileAndDisposeWithoutCommitWritesNothing()
    {
        var path = Path.Combine(_dir, "estate.json");
        File.WriteAllText(path, "old");
        AtomicFile.Write(path, s => s.Write("new"u8));
        Assert.Equal("new", File.ReadAllText(path));
        using (var file = AtomicFile.Create(Path.Combine(_dir, "never.json")))
        {
            file.Stream.Write("partial"u8);
            Assert.True(File.Exists(file.TemporaryPath));
        }
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir));
    }

    [Fact]
    public void AMissingDirectoryOrADirectoryPathIsRefusedBeforeAnythingIsWritten()
    {
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Create(Path.Combine(_dir, "no", "such.json")));
        Assert.Throws<IOException>(() => AtomicFile.Create(_dir));
        Assert.Equal("OutputPath", Assert.Throws<ArgumentException>(() => AtomicFile.Create(" ")).ParamName);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }
}
