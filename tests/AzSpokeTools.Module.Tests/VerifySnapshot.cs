using System.Text.Json.Nodes;
using AzSpokeTools.Cli;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// The hub-firewall sample with captured effectiveRouteTable results: vm-spoke1-nic's capture is the route
/// list 'azspoke routes' computes (so it agrees), vm-spoke3-nic's has one next hop changed (so it differs),
/// vm-spoke2-nic has none.
/// </summary>
internal static class VerifySnapshot
{
    public const string Agreeing = "vm-spoke1-nic";
    public const string Differing = "vm-spoke3-nic";
    public const string Uncaptured = "vm-spoke2-nic";

    public static string Write(string directory)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.ModuleSources, "samples", "hub-firewall.json")))!.AsObject();
        string IdOf(string nic) => doc["resources"]!.AsArray().Select(r => (string)r!["id"]!).Single(id => id.EndsWith("/networkInterfaces/" + nic, StringComparison.Ordinal));
        var differing = Computed(Differing);
        var changed = differing.OfType<JsonObject>().First(r => (string)r["nextHopType"]! == "VirtualAppliance");
        changed["nextHopType"] = "None";
        changed["nextHopIpAddress"] = new JsonArray();
        doc["results"] = new JsonArray(
            Capture(IdOf(Agreeing), Computed(Agreeing)),
            Capture(IdOf(Differing), differing));
        var path = Path.Combine(directory, "verify-snapshot.json");
        File.WriteAllText(path, doc.ToJsonString());
        return path;
    }

    private static JsonObject Capture(string nicId, JsonArray routes) => new()
    {
        ["operation"] = "effectiveRouteTable",
        ["scope"] = nicId,
        ["body"] = new JsonObject { ["value"] = routes },
    };

    private static JsonArray Computed(string nic)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(ExitCodes.Success, CliApp.Run(["routes", "--snapshot", "sample:hub-firewall", "--nic", nic, "--format", "json"], output, error));
        return JsonNode.Parse(JsonNode.Parse(output.ToString())!["value"]!.ToJsonString())!.AsArray();
    }
}
