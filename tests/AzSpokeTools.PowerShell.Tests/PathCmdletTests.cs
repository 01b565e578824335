using System.Management.Automation;
using System.Text.Json.Nodes;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>Get-SpokeEffectivePath, Get-SpokePathMatrix, Test-SpokeIntent and Get-SpokeEffectiveRoute -Verify bound and run by PowerShell.</summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class PathCmdletTests(ModuleSession session)
{
    private const string Rg = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network";

    private string Intent()
    {
        var path = Path.Combine(session.WorkDirectory, "intent.yaml");
        File.WriteAllText(path, """
            groups:
              spokes: { name: "spoke*" }
              hubs: { name: "hub" }
            rules:
              - name: inspected
                from: spokes
                to: spokes
                expect: [Appliance]
              - name: no-direct-from-hub
                from: hubs
                to: spokes
                forbid: [Direct]
            """);
        return path;
    }

    [Fact]
    public void PathHasPesterFriendlyKindOutcomeCompliantAndReasons()
    {
        var path = Assert.Single(session.Run($"Get-SpokeEffectivePath -Snapshot sample:hub-firewall -Source spoke1 -Destination spoke2 -Intent '{Intent()}'"));
        Assert.Equal("AzSpokeTools.Paths.SpokePath", path.BaseObject.GetType().FullName);
        Assert.Equal("Appliance", path.Properties["Kind"].Value.ToString());
        Assert.Equal("Delivered", path.Properties["Outcome"].Value.ToString());
        Assert.Equal(true, path.Properties["Compliant"].Value);
        Assert.NotNull(path.Properties["Reasons"].Value);
        var checks = session.Run($"$p = Get-SpokeEffectivePath -Snapshot sample:hub-firewall spoke1 spoke2; $p.Kind -eq 'Appliance'; $p.Transits -contains 'Appliance'; $p.Symmetric");
        Assert.All(checks, c => Assert.Equal(true, c.BaseObject));
    }

    [Fact]
    public void PipedAzVirtualNetworksBindTheirIdToSourceAndAFailingItemDoesNotStopTheOthers()
    {
        var script = $$"""
            [pscustomobject]@{ Name = 'spoke1'; Id = '{{Rg}}/virtualNetworks/spoke1' },
            [pscustomobject]@{ Name = 'spoke9'; Id = '{{Rg}}/virtualNetworks/spoke9' },
            [pscustomobject]@{ Name = 'spoke2'; Id = '{{Rg}}/virtualNetworks/spoke2' } |
              Get-SpokeEffectivePath -Topology (Import-SpokeTopology sample:hub-firewall) -Destination spoke3
            """;
        var (output, shell) = session.Invoke(script);
        using (shell)
        {
            Assert.Equal(2, output.Count);
            Assert.All(output, p => Assert.Equal("Appliance", p.Properties["Kind"].Value.ToString()));
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("InvalidSource,AzSpokeTools.Cmdlets.GetSpokeEffectivePathCommand", error.FullyQualifiedErrorId);
            Assert.Equal(Rg + "/virtualNetworks/spoke9", error.TargetObject);
        }
    }

    [Fact]
    public void RowsWithSourceAndDestinationColumnsCheckAListOfFlows()
    {
        var kinds = session.Run("[pscustomobject]@{ Source = 'hub'; Destination = 'spoke1' }, [pscustomobject]@{ Source = 'spoke1'; Destination = 'spoke3' } | Get-SpokeEffectivePath -Snapshot sample:hub-firewall | ForEach-Object { \"$($_.Kind)\" }");
        Assert.Equal(["Direct", "Appliance"], kinds.Select(k => k.ToString()));
    }

    [Fact]
    public void MatrixStreamsEveryPairWithProgressAndSummaryCountsThem()
    {
        var (rows, shell) = session.Invoke($"Get-SpokePathMatrix -Snapshot sample:hub-firewall -Intent '{Intent()}'");
        using (shell)
        {
            Assert.Empty(shell.Streams.Error);
            Assert.Equal(12, rows.Count);
            Assert.All(rows, r => Assert.Equal("AzSpokeTools.Paths.PathMatrixEntry", r.BaseObject.GetType().FullName));
            Assert.Equal(3, rows.Count(r => Equals(r.Properties["Compliant"].Value, false)));
            Assert.Contains(shell.Streams.Progress, p => p.Activity == "Path matrix");
            Assert.Equal(ProgressRecordType.Completed, shell.Streams.Progress.Last().RecordType);
        }
        var summary = Assert.Single(session.Run($"Get-SpokePathMatrix -Snapshot sample:hub-firewall -Intent '{Intent()}' -Summary"));
        Assert.Equal(12L, summary.Properties["Pairs"].Value);
        Assert.Equal(3L, summary.Properties["Violations"].Value);
        // Source by source: the hub's three pairs come first, each over a direct peering.
        Assert.Equal(["hub>spoke1 Direct", "hub>spoke2 Direct", "hub>spoke3 Direct"],
            session.Run("@(Get-SpokePathMatrix -Snapshot sample:hub-firewall)[0..2] | ForEach-Object { \"$($_.Source)>$($_.Destination) $($_.Kind)\" }").Select(k => k.ToString()));
    }

    [Fact]
    public void MatrixFiltersAtTheSourceShardsAndThreadsAsTheCliDoes()
    {
        Assert.Equal(["hub>spoke1 Direct", "hub>spoke2 Direct"],
            session.Run("Get-SpokePathMatrix -Snapshot sample:hub-firewall -FromPattern 'H*' -ToPattern 'spoke?' -ThrottleLimit 2 | Where-Object Destination -ne 'spoke3' | ForEach-Object { \"$($_.Source)>$($_.Destination) $($_.Kind)\" }").Select(k => k.ToString()));
        var violations = session.Run($"Get-SpokePathMatrix -Snapshot sample:hub-firewall -Intent '{Intent()}' -OnlyViolations -Kind Direct");
        Assert.Equal(3, violations.Count);
        Assert.All(violations, r => Assert.Equal(false, r.Properties["Compliant"].Value));
        // -Summary counts every pair the patterns and shard select, written or not.
        var shard = Assert.Single(session.Run($"Get-SpokePathMatrix -Snapshot sample:hub-firewall -Intent '{Intent()}' -Kind Mesh -Shard 1/4 -Summary"));
        Assert.Equal(3L, shard.Properties["Pairs"].Value);
        var (rows, shell) = session.Invoke("Get-SpokePathMatrix -Snapshot sample:hub-firewall -Shard 5/4");
        using (shell) Assert.Contains(shell.Streams.Error, e => e.Exception.Message.Contains("5/4", StringComparison.Ordinal));
        Assert.Empty(rows);
    }

    [Fact]
    public void MatrixReasonsGiveEachPairItsCauseAndFixAsTheCliDoesAndNeedRows()
    {
        // contoso-hairpin: spoke-a1 has no route to the other region's spokes (the default None route drops them).
        var dropped = session.Run("@(Get-SpokePathMatrix -Snapshot sample:contoso-hairpin -Reasons -Kind None)[0]");
        var reasons = Assert.IsAssignableFrom<System.Collections.IList>(Assert.Single(dropped).Properties["Reasons"].Value);
        var first = System.Management.Automation.PSObject.AsPSObject(reasons[0]);
        Assert.Equal("Error", first.Properties["Severity"].Value);
        Assert.Contains("drops", (string)first.Properties["Message"].Value, StringComparison.Ordinal);
        Assert.NotNull(first.Properties["Fix"].Value);
        Assert.Null(Assert.Single(session.Run("@(Get-SpokePathMatrix -Snapshot sample:contoso-hairpin)[0]")).Properties["Reasons"].Value);
        var json = (string)Assert.Single(session.Run("Get-SpokePathMatrix -Snapshot sample:contoso-hairpin -Reasons -AsJson")).BaseObject;
        Assert.Contains("\"reasons\":[{\"severity\":\"Error\"", json, StringComparison.Ordinal);
        var (rows, shell) = session.Invoke("Get-SpokePathMatrix -Snapshot sample:contoso-hairpin -Reasons -Summary");
        using (shell) Assert.Contains(shell.Streams.Error, e => e.Exception.Message.Contains("-Summary", StringComparison.Ordinal));
        Assert.Empty(rows);
    }

    [Fact]
    public void IntentGivesOneResultPerRuleWithCompliantAndQuietGivesOneBoolean()
    {
        var rules = session.Run($"Test-SpokeIntent -Snapshot sample:hub-firewall -Intent '{Intent()}' | ForEach-Object {{ '{{0}} {{1}} {{2}}' -f $_.Name, $_.Compliant, $_.Failed }}");
        Assert.Equal(["inspected True 0", "no-direct-from-hub False 3"], rules.Select(r => r.ToString()));
        Assert.Equal(false, Assert.Single(session.Run($"Import-SpokeTopology sample:hub-firewall | Test-SpokeIntent '{Intent()}' -Quiet")).BaseObject);
    }

    [Fact]
    public void AnEmptySnapshotFailsTheGateUnlessFailOnEmptyIsTurnedOff()
    {
        // Issue 16: an empty export passed the pipeline gate.
        var empty = Path.Combine(session.WorkDirectory, "empty.json");
        File.WriteAllText(empty, """{ "schemaVersion": 1, "resources": [] }""");
        var (output, shell) = session.Invoke($"Test-SpokeIntent -Snapshot '{empty}' -Intent '{Intent()}' -Quiet");
        using (shell)
        {
            Assert.Equal(false, Assert.Single(output).BaseObject);
            Assert.Contains(shell.Streams.Warning, w => w.Message.Contains("no virtual networks"));
            Assert.Empty(shell.Streams.Error);
        }
        Assert.Equal(true, Assert.Single(session.Run($"Test-SpokeIntent -Snapshot '{empty}' -Intent '{Intent()}' -Quiet -FailOnEmpty:$false -WarningAction SilentlyContinue")).BaseObject);
        var rules = session.Run($"Test-SpokeIntent -Snapshot '{empty}' -Intent '{Intent()}' -WarningAction SilentlyContinue | ForEach-Object {{ '{{0}} {{1}} {{2}}' -f $_.Name, $_.Compliant, $_.Problems.Count }}");
        Assert.All(rules, r => Assert.EndsWith("False 1", r.ToString()));
    }

    [Fact]
    public void MalformedIntentIsANonTerminatingInvalidIntentNamingTheFile()
    {
        var bad = Path.Combine(session.WorkDirectory, "bad-intent.yaml");
        File.WriteAllText(bad, "rules:\n  - name: x\n    from: nowhere\n    to: '*'\n    expect: [Appliance]\n");
        var (output, shell) = session.Invoke($"Test-SpokeIntent -Snapshot sample:hub-firewall -Intent '{bad}'");
        using (shell)
        {
            Assert.Empty(output);
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("InvalidIntent,AzSpokeTools.Cmdlets.TestSpokeIntentCommand", error.FullyQualifiedErrorId);
            Assert.Contains("bad-intent.yaml", error.Exception.Message);
        }
    }

    [Fact]
    public void PathViewShowsKindOutcomeAndCompliance()
    {
        session.Host.Clear();
        session.Run("Get-SpokeEffectivePath -Snapshot sample:hub-firewall -Source spoke1 -Destination spoke2 | Out-Host");
        var text = session.Host.Text;
        Assert.Contains("Outcome", text);
        Assert.Contains("Delivered", text);
        Assert.Contains("Appliance", text);
        Assert.Contains("Compliant", text);
    }

    [Fact]
    public void VerifyComparesComputedWithCapturedRoutesNicByNic()
    {
        var snapshot = VerifySnapshot();
        var results = session.Run($"Get-SpokeEffectiveRoute -Snapshot '{snapshot}' -NetworkInterface * -Verify");
        Assert.All(results, r => Assert.Equal("AzSpokeTools.Routes.SpokeRouteVerification", r.BaseObject.GetType().FullName));
        Assert.Equal(["vm-spoke1-nic True", "vm-spoke3-nic False"],
            results.Select(r => $"{r.Properties["Name"].Value} {r.Properties["Agrees"].Value}").Order(StringComparer.Ordinal));

        var (output, shell) = session.Invoke($"'vm-spoke3-nic', 'vm-spoke2-nic' | ForEach-Object {{ [pscustomobject]@{{ NetworkInterface = $_ }} }} | Get-SpokeEffectiveRoute -Snapshot '{snapshot}' -Verify");
        using (shell)
        {
            var differing = Assert.Single(output);
            Assert.Equal("DifferentNextHop", ((System.Collections.IEnumerable)differing.Properties["Differences"].Value).Cast<object>().Select(d => PSObject.AsPSObject(d).Properties["Kind"].Value.ToString()).Single());
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("CapturedEffectiveRouteTableNotFound,AzSpokeTools.Cmdlets.GetSpokeEffectiveRouteCommand", error.FullyQualifiedErrorId);
            Assert.Equal("vm-spoke2-nic", error.TargetObject);
        }
    }

    /// <summary>
    /// hub-firewall with captured effectiveRouteTable results built from Get-SpokeEffectiveRoute's own output:
    /// vm-spoke1-nic unchanged (agrees), vm-spoke3-nic with one VirtualAppliance next hop changed to None.
    /// </summary>
    private string VerifySnapshot()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(session.Root, "module", "samples", "hub-firewall.json")))!.AsObject();
        JsonObject Capture(string nic, bool tamper)
        {
            var routes = new JsonArray(session.Run($"Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -NetworkInterface {nic}").Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Properties["Name"].Value?.ToString(),
                ["source"] = r.Properties["Source"].Value.ToString(),
                ["state"] = r.Properties["State"].Value.ToString(),
                ["addressPrefix"] = new JsonArray(((IEnumerable<string>)r.Properties["AddressPrefix"].Value).Select(p => (JsonNode)p).ToArray()),
                ["nextHopType"] = r.Properties["NextHopType"].Value.ToString(),
                ["nextHopIpAddress"] = new JsonArray(((IEnumerable<string>)r.Properties["NextHopIpAddress"].Value).Select(p => (JsonNode)p).ToArray()),
            }).ToArray());
            if (tamper)
            {
                var route = routes.OfType<JsonObject>().First(x => (string)x["nextHopType"]! == "VirtualAppliance");
                route["nextHopType"] = "None";
                route["nextHopIpAddress"] = new JsonArray();
            }
            var id = doc["resources"]!.AsArray().Select(x => (string)x!["id"]!).Single(i => i.EndsWith("/networkInterfaces/" + nic, StringComparison.Ordinal));
            return new JsonObject { ["operation"] = "effectiveRouteTable", ["scope"] = id, ["body"] = new JsonObject { ["value"] = routes } };
        }
        doc["results"] = new JsonArray(Capture("vm-spoke1-nic", false), Capture("vm-spoke3-nic", true));
        var path = Path.Combine(session.WorkDirectory, "verify-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, doc.ToJsonString());
        return path;
    }
}
