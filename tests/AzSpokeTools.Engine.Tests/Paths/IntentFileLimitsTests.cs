using System.Diagnostics;
using System.Text;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Engine.Tests.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>
/// Hostile and slipped intent files (issue 16): YAML aliases are refused (a 400-byte alias bomb expanded to gigabytes), nesting is
/// capped at 64 like JSON, parser slips and bad text are intent file errors naming the file, and only regular files are read.
/// </summary>
public sealed class IntentFileLimitsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-intent-limits-").FullName;
    private static readonly Model.Topology Topology = SnapshotLoader.Load("sample:peered-spokes");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private IntentFileException Fails(string name, string text)
    {
        var path = Write(name, text);
        var ex = Assert.Throws<IntentFileException>(() => IntentSet.Load(path, Topology));
        Assert.Equal(path, ex.File);
        Assert.StartsWith(path + ": ", ex.Message);
        return ex;
    }

    [Fact]
    public void AnAliasBombIsRefusedAtOnce()
    {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var prev = 'a';
        foreach (var c in "bcdefghi")
        {
            bomb.Append($"{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n");
            prev = c;
        }
        Assert.True(bomb.Length < 400);
        var watch = Stopwatch.StartNew();
        var ex = Fails("bomb.yaml", bomb.ToString());
        Assert.Contains("aliases", ex.Message);
        Assert.Contains("*a", ex.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("groups:\n  all: &x {name: '*'} *x\nrules: []\n")]
    [InlineData("a: {b: c} *x\n")]
    [InlineData("groups:\n  all: &x {name: '*'}\nrules:\n  - from: all\n    to: all\n    expect: *x\n")]
    [InlineData("groups:\n  base: &b {name: '*'}\n  all:\n    <<: *b\nrules: []\n")]
    public void AliasesAreRefused(string text)
    {
        Assert.Contains("aliases", Fails("alias.yaml", text).Message);
    }

    [Theory]
    [InlineData(70_000, true)]
    [InlineData(65, true)]
    [InlineData(70_000, false)]
    public void NestingDeeperThan64LevelsIsRefused(int depth, bool flow)
    {
        var text = flow
            ? "groups: " + new string('[', depth) + new string(']', depth) + "\n"
            : "groups:\n" + string.Concat(Enumerable.Range(1, Math.Min(depth, 200)).Select(i => new string(' ', i) + "-\n"));
        var ex = Fails("deep.yaml", text);
        Assert.Contains("deeper than 64 levels", ex.Message);
    }

    [Fact]
    public void NestingAtTheLimitIsRead()
    {
        // Root mapping (1) + 63 sequences: the groups value is malformed, but the nesting itself is accepted.
        var ex = Fails("deep-ok.yaml", "groups: " + new string('[', 63) + new string(']', 63) + "\nrules: []\n");
        Assert.DoesNotContain("deeper", ex.Message);
    }

    [Theory]
    [InlineData("groups:\n  all: {name: '*'}\nrules:\n  - from: [all,\n  all]\n    to: all\n    expect: [Direct]\n")]
    [InlineData("rules:\n- from: [a,\nb]\n")]
    [InlineData("key: [a,\nb]\n")]
    public void ParserSlipsAreIntentFileErrors(string text)
    {
        Assert.Contains("not valid YAML", Fails("slip.yaml", text).Message);
    }

    [Fact]
    public void ADuplicateKeyIsAnErrorNotACrash()
    {
        var ex = Fails("dup.yaml", "groups:\n  a: {name: '*'}\n  a: {name: 'x'}\nrules: []\n");
        Assert.Contains("appears twice", ex.Message);
        Assert.Equal("$.groups.a", ex.DocumentPath);
    }

    [Fact]
    public void AMappingKeyThatIsNotTextIsAnError()
    {
        Assert.Contains("key must be text", Fails("key.yaml", "groups:\n  ? [a, b]\n  : {name: '*'}\nrules: []\n").Message);
    }

    [Theory]
    [InlineData("{\"groups\": {\"a\": {\"name\": \"\\ud800\"}}, \"rules\": []}", "$.groups.a.name")]
    [InlineData("{\"groups\": {\"\\udc00\": {\"name\": \"*\"}}, \"rules\": []}", "$.groups")]
    public void LoneSurrogatesInJsonIntentAreErrors(string json, string path)
    {
        var ex = Fails("i.json", json);
        Assert.Equal(path, ex.DocumentPath);
        Assert.Contains("surrogate", ex.Message);
    }

    [Fact]
    public void JsonIntentNestedDeeperThan64IsAnError()
    {
        Assert.Contains("not valid JSON", Fails("deep.json", "{\"groups\": " + new string('[', 100) + new string(']', 100) + "}").Message);
    }

    [Fact]
    public void InvalidUtf8IsAnError()
    {
        var path = Path.Combine(_dir, "latin1.yaml");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("groups:\n  caf\xe9: {name: '*'}\nrules: []\n"));
        var ex = Assert.Throws<IntentFileException>(() => IntentSet.Load(path, Topology));
        Assert.Contains("not UTF-8", ex.Message);
    }

    [Fact]
    public void Utf16WithAByteOrderMarkIsRead()
    {
        var path = Path.Combine(_dir, "utf16.yaml");
        File.WriteAllText(path, "groups:\n  all: {name: '*'}\nrules:\n  - {from: all, to: all, expect: [Direct]}\n", new UnicodeEncoding(false, true));
        Assert.Single(IntentSet.Load(path, Topology).Rules);
    }

    [Fact]
    public async Task ANamedPipeIsRefusedNotWaitedOn()
    {
        if (OperatingSystem.IsWindows()) return; // named pipes in the file system are a Unix feature
        var fifo = Path.Combine(_dir, "intent.yaml");
        HostileInputTests.Fifo.Make(fifo);
        var load = Task.Run(() => Assert.Throws<IntentFileException>(() => IntentSet.Load(fifo, Topology)));
        Assert.True(await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(30))) == load, "IntentSet.Load waited on the named pipe");
        Assert.Contains("named pipe", (await load).Message);
    }

    [Fact]
    public void AGlobWithManyStarsMatchesInLinearTime()
    {
        var path = Write("glob.yaml", "groups:\n  g: {name: '" + string.Concat(Enumerable.Repeat("*a", 40)) + "*b'}\nrules:\n  - {from: g, to: '*', expect: [Direct]}\n");
        var watch = Stopwatch.StartNew();
        var set = IntentSet.Load(path, Topology);
        Assert.Null(set.For(Topology.VirtualNetworks[0], Topology.VirtualNetworks[1]));
        Assert.True(NameGlob.Matches("sp*k?1", "SPOKE1"));
        Assert.False(NameGlob.Matches("sp*k?1", "spoke12"));
        Assert.True(NameGlob.Matches("*", ""));
        Assert.False(NameGlob.Matches(string.Concat(Enumerable.Repeat("*a", 40)) + "*b", new string('a', 5000)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }
}
