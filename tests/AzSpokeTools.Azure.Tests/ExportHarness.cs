using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Tests.FakeArm;

namespace AzSpokeTools.Azure.Tests;

/// <summary>A fake ARM server, a temp directory and options pointing the real client at them.</summary>
public sealed class ExportHarness : IAsyncDisposable
{
    private ExportHarness(FakeEstate estate, FakeArmServer server, string token, string directory)
    {
        Estate = estate;
        Server = server;
        Token = token;
        Directory = directory;
    }

    public FakeEstate Estate { get; }
    public FakeArmServer Server { get; }
    public string Token { get; }
    public string Directory { get; }
    public string OutputPath => Path.Combine(Directory, "snapshot.json");

    public static async Task<ExportHarness> StartAsync(FakeEstate estate)
    {
        var token = "tok-" + Guid.NewGuid().ToString("N") + "-" + Guid.NewGuid().ToString("N");
        var server = await FakeArmServer.StartAsync(estate, token);
        var directory = Path.Combine(Path.GetTempPath(), "azspoke-export-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new ExportHarness(estate, server, token, directory);
    }

    /// <summary>Options for the real client against this server, with fast back-off when no Retry-After is given.</summary>
    public ExportOptions Options(bool subscriptions = true)
    {
        var options = new ExportOptions
        {
            ArmEndpoint = Server.Endpoint,
            AccessToken = Token,
            Transport = Server.CreateTransport(),
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            RequestTimeout = TimeSpan.FromSeconds(10),
            PollInterval = TimeSpan.FromMilliseconds(20),
        };
        if (subscriptions) foreach (var s in Estate.Subscriptions) options.SubscriptionIds.Add(s);
        return options;
    }

    public JsonObject ReadSnapshot() => JsonNode.Parse(File.ReadAllText(OutputPath))!.AsObject();

    public static List<string> ResourceIds(JsonObject snapshot)
        => snapshot["resources"]!.AsArray().Select(r => (string)r!["id"]!).ToList();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { }
    }
}
