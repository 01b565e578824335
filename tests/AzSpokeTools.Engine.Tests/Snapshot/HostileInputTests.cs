using AzSpokeTools.Tests.Shared;
using System.Runtime.InteropServices;
using System.Text;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Snapshot;
using Xunit;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Tests.Snapshot;

/// <summary>
/// Inputs an attacker or an unlucky user gives the readers (issue 16): each ends in the engine's own error naming the file and
/// where, never another exception, a hang on a named pipe or unbounded reading.
/// </summary>
public class HostileInputTests
{
    private const string VnetJson = """[ { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/a", "type": "Microsoft.Network/virtualNetworks", "name": "a", "location": "westus", "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [ { "name": "s", "properties": { "addressPrefix": "10.0.1.0/24" } } ] } } ]""";

    private static LoadDiagnostic Fails(byte[] bytes)
    {
        var ex = Assert.Throws<SnapshotLoadException>(() => SnapshotLoader.Load(new MemoryStream(bytes), "hostile.json"));
        var e = Assert.Single(ex.Errors);
        Assert.Equal("hostile.json", e.Location.File);
        return e;
    }

    private static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);

    [Fact]
    public void InvalidUtf8InAValueIsAnErrorAtItsPath()
    {
        var e = Fails(Latin1(VnetJson.Replace("\"westus\"", "\"west\xffus\"")));
        Assert.Equal("$[0].location", e.Location.JsonPath);
        Assert.Contains("not valid UTF-8", e.Message);
    }

    [Fact]
    public void InvalidUtf8InAPropertyNameIsAnError()
    {
        var e = Fails(Latin1(VnetJson.Replace("\"location\"", "\"loc\xe9tion\"")));
        Assert.Equal("$[0]", e.Location.JsonPath);
        Assert.Contains("property name", e.Message);
        Assert.Contains("UTF-8", e.Message);
    }

    [Theory]
    [InlineData("\"westus\"", "\"\\ud800\"", "$[0].location")]
    [InlineData("\"westus\"", "\"x\\uDFFFy\"", "$[0].location")]
    [InlineData("\"westus\"", "\"\\ud800\\u0041\"", "$[0].location")]
    [InlineData("\"location\"", "\"\\udc00x\"", "$[0]")]
    public void EscapesThatAreLoneSurrogatesAreAnError(string find, string replace, string path)
    {
        var e = Fails(Encoding.UTF8.GetBytes(VnetJson.Replace(find, replace)));
        Assert.Equal(path, e.Location.JsonPath);
        Assert.Contains("surrogate", e.Message);
    }

    [Fact]
    public void SurrogatePairsAndEscapedBackslashesAreText()
    {
        var t = SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(VnetJson.Replace("\"a\",", "\"a\\ud83d\\ude00 \\\\ud800\","))), "ok.json");
        Assert.Equal("a\U0001F600 \\ud800", Assert.Single(t.VirtualNetworks).Name);
    }

    [Fact]
    public void Utf16WithALoneSurrogateIsAnError()
    {
        var bytes = new List<byte> { 0xFF, 0xFE };
        bytes.AddRange(Encoding.Unicode.GetBytes(VnetJson.Replace("westus", "west")));
        bytes.AddRange(new byte[] { 0x00, 0xD8 }); // a high surrogate at the end
        var e = Fails(bytes.ToArray());
        Assert.Contains("not valid UTF-16", e.Message);
    }

    [Fact]
    public void NestingDeeperThan64LevelsIsAnError()
    {
        var deep = "[" + string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000) + "]";
        var e = Fails(Encoding.UTF8.GetBytes(deep));
        Assert.Contains("depth of 64", e.Message);
        // 60 levels inside a resource's properties are read (and ignored as unknown properties).
        var fine = VnetJson.Replace("\"location\": \"westus\"", "\"location\": \"westus\", \"x\": " + new string('[', 55) + new string(']', 55));
        Assert.Single(SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(fine)), "ok.json").VirtualNetworks);
    }

    [SkippableFifoFact]
    public void ANamedPipeIsRefusedNotWaitedOn()
    {
        var dir = Path.GetDirectoryName(Snap.Files(("a.json", VnetJson))[0])!;
        var fifo = Path.Combine(dir, "b.json");
        Fifo.Make(fifo);
        foreach (var path in new[] { fifo, dir })
        {
            var load = Task.Run(() => Assert.Throws<SnapshotLoadException>(() => SnapshotLoader.Load(path)));
            Assert.True(load.Wait(TimeSpan.FromSeconds(30)), "the loader waited on the named pipe " + path);
            var e = Assert.Single(load.Result.Errors);
            Assert.Equal(fifo, e.Location.File);
            Assert.Contains("named pipe", e.Message);
            Assert.Contains("not a regular file", e.Message);
        }
    }

    [SkippableFifoFact]
    public void ADeviceBehindAJsonNameIsRefused()
    {
        var dir = Path.GetDirectoryName(Snap.Files(("a.json", VnetJson))[0])!;
        var zero = Path.Combine(dir, "zero.json");
        File.CreateSymbolicLink(zero, "/dev/zero");
        var e = Assert.Single(Assert.Throws<SnapshotLoadException>(() => SnapshotLoader.Load(zero)).Errors);
        Assert.Contains("character device", e.Message);
    }

    [Fact]
    public void AFileOverTheSizeCapIsRefusedBeforeItIsRead()
    {
        var path = Snap.Files(("huge.json", ""))[0];
        using (var f = File.OpenWrite(path)) f.SetLength(InputFile.MaxSnapshotBytes + 1); // sparse: nothing is written
        var e = Assert.Single(Assert.Throws<SnapshotLoadException>(() => SnapshotLoader.Load(path)).Errors);
        Assert.Contains("larger than the 1 GiB limit", e.Message);
        Assert.Contains("split the snapshot into a directory", e.Message);
    }

    [Fact]
    public void ANicWhoseSubnetIsNotInTheSnapshotIsABadNicNotACrash()
    {
        const string nic = """[ { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic1", "name": "nic1", "type": "Microsoft.Network/networkInterfaces", "properties": { "ipConfigurations": [ { "name": "ipconfig1", "properties": { "privateIPAddress": "10.0.1.4", "subnet": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/default" } } } ] } } ]""";
        var t = Snap.Json(nic);
        var ex = Assert.Throws<EngineInputException>(() => new EffectiveRouteRequest { Topology = t, NetworkInterface = "nic1" }.Execute(new RecordingEngineHost()));
        Assert.Equal("NetworkInterface", ex.Parameter);
        Assert.Contains("virtualNetworks/v/subnets/default", ex.Message);
        Assert.Contains("not in the snapshot", ex.Message);
    }

    [CorpusFact] // the inline NIC test covers the behaviour without the corpus
    public void ThePublicNicGetExampleIsABadNicNotACrash()
    {
        var example = TestPaths.Example("NetworkInterfaceGet.json");
        var ex = Assert.Throws<EngineInputException>(() => new EffectiveRouteRequest { Snapshot = example, NetworkInterface = "test-nic" }.Execute(new RecordingEngineHost()));
        Assert.Contains("not in the snapshot", ex.Message);
    }

    [Theory]
    [InlineData("[]", "$.values")]
    [InlineData("{\"values\": 3}", "$.values")]
    [InlineData("\"text\"", "$.values")]
    [InlineData("{\"values\": [3]}", "$.values[0]")]
    [InlineData("{\"values\": [{\"name\": 3, \"properties\": {\"addressPrefixes\": []}}]}", "$.values[0].name")]
    [InlineData("{\"values\": [{\"name\": \"Storage\", \"properties\": {\"addressPrefixes\": \"10.0.0.0/8\"}}]}", "$.values[0].properties.addressPrefixes")]
    [InlineData("{\"values\": [{\"name\": \"Storage\", \"properties\": {\"addressPrefixes\": [7]}}]}", "$.values[0].properties.addressPrefixes[0]")]
    [InlineData("{\"values\": [{\"name\": \"\\ud800\", \"properties\": {\"addressPrefixes\": []}}]}", "$.values[0].name")]
    [InlineData("{\"values\": [", "$")]
    public void AWronglyShapedServiceTagFileIsABadServiceTagFile(string json, string path)
    {
        var file = Snap.Files(("tags.json", json))[0];
        var ex = Assert.Throws<EngineInputException>(() => new EffectiveRouteRequest { Snapshot = "sample:peered-spokes", Subnet = "spoke1/workload", ServiceTagFile = file }.Execute(new RecordingEngineHost()));
        Assert.Equal("ServiceTagFile", ex.Parameter);
        Assert.Contains(file, ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void AServiceTagFileOfTheRightShapeLoads()
    {
        var file = Snap.Files(("tags.json", "{\"values\": [{\"name\": \"Storage\", \"properties\": {\"addressPrefixes\": [\"20.38.64.0/19\", \"2603:1000::/40\"]}}]}"))[0];
        Assert.Equal(2, AzSpokeTools.Engine.Routing.ServiceTagCatalog.Load(file).Resolve(new[] { "storage" }).Count);
    }

    /// <summary>A fact that needs named pipes (not on Windows).</summary>
    private sealed class SkippableFifoFactAttribute : FactAttribute
    {
        public SkippableFifoFactAttribute()
        {
            if (OperatingSystem.IsWindows()) Skip = "named pipes in the file system are a Unix feature";
        }
    }

    internal static class Fifo
    {
        [DllImport("libc", SetLastError = true)]
        private static extern int mkfifo(byte[] path, uint mode);

        /// <summary>The path goes as NUL-terminated UTF-8 bytes, as libc expects.</summary>
        public static void Make(string path) => Assert.Equal(0, mkfifo(System.Text.Encoding.UTF8.GetBytes(path + "\0"), 0x1A4 /* 0644 */));
    }
}
