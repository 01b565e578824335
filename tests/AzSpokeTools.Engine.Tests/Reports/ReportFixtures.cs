using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;

namespace AzSpokeTools.Engine.Tests.Reports;

/// <summary>Inputs the output-contract tests of the engine and of the CLI share (this file is linked into the CLI tests).</summary>
internal static class ReportFixtures
{
    /// <summary>An intent on avnm-mesh with a failing rule (spoke4 reaches spoke2 through the firewall), two examples per rule.</summary>
    internal static string FailingIntent(string dir)
    {
        var path = Path.Combine(dir, "intent.yaml");
        File.WriteAllText(path, "groups:\n  spokes: { name: \"spoke*\" }\nrules:\n  - name: spokes-direct-or-mesh\n    from: spokes\n    to: spokes\n    expect: [Direct, Mesh]\n    forbid: [ExpressRouteHairpin]\n");
        return path;
    }

    /// <summary>
    /// hub-firewall with the effective route tables of vm-spoke1-nic and vm-spoke3-nic captured as Azure returns them (the routes
    /// writer's own output, which is that shape): spoke1's as computed, spoke3's with one appliance next hop changed to None.
    /// </summary>
    internal static JsonObject HubFirewallWithCapturedRoutes()
    {
        var doc = EditableSample("hub-firewall");
        var results = new JsonArray();
        foreach (var nic in new[] { "vm-spoke1-nic", "vm-spoke3-nic" })
        {
            var table = new EffectiveRouteRequest { Snapshot = "sample:hub-firewall", NetworkInterface = nic }.Execute(new RecordingEngineHost());
            var body = JsonNode.Parse(EffectiveRouteListJsonWriter.Render(table))!.AsObject();
            if (nic == "vm-spoke3-nic")
            {
                var route = body["value"]!.AsArray().First(r => (string?)r!["nextHopType"] == "VirtualAppliance")!;
                route["nextHopType"] = "None";
                route["nextHopIpAddress"] = new JsonArray();
            }
            results.Add(new JsonObject { ["operation"] = "effectiveRouteTable", ["scope"] = (string?)Resource(doc, nic)["id"], ["body"] = body });
        }
        doc["results"] = results;
        return doc;
    }

    private static JsonObject EditableSample(string name)
    {
        if (!SampleCatalog.TryOpen(name, out Stream stream)) throw new FileNotFoundException("bundled sample not found: " + name);
        using (stream) return JsonNode.Parse(stream)!.AsObject();
    }

    private static JsonObject Resource(JsonObject doc, string resourceName) =>
        doc["resources"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["name"]!.GetValue<string>() == resourceName);
}
