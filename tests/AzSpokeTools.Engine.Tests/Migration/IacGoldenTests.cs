using System.Text.Json;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Requests;
using Xunit;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Engine.Tests.Migration;

/// <summary>
/// Golden files of the IaC renderings. Set AZSPOKE_UPDATE_GOLDEN=1 to rewrite them from the current renderers
/// (then review the diff); otherwise every rendering must match its file byte for byte.
/// </summary>
public sealed class IacGoldenTests
{
    private static string GoldenDir(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Migration", "Golden", name);

    /// <summary>Contoso in three waves (pilot of two); the what-if and decommission phase go into plan.json and whatif-pairs.csv.</summary>
    private static MigrationPlan Plan(Action<MeshMigrationRequest>? set = null, bool withoutExistingMesh = false)
    {
        var r = new MeshMigrationRequest { PilotSize = 2 };
        if (withoutExistingMesh)
            r.Topology = Samples.SampleFiles.LoadVariant("contoso-hairpin", doc =>
            {
                foreach (var x in doc["resources"]!.AsArray().Where(x => ((string?)x!["type"] ?? "").StartsWith("Microsoft.Network/networkManagers", StringComparison.Ordinal)).ToList())
                    doc["resources"]!.AsArray().Remove(x);
                foreach (var x in doc["results"]!.AsArray().Where(x => (string?)x!["operation"] == "listDeploymentStatus").ToList())
                    doc["results"]!.AsArray().Remove(x);
            });
        else r.Snapshot = "sample:contoso-hairpin";
        set?.Invoke(r);
        return r.Execute(new RecordingEngineHost());
    }

    public static TheoryData<string> Cases => new() { "contoso-adopt", "contoso-policy", "contoso-new-mesh", "secured-spokes-22" };

    private static MigrationPlan PlanFor(string name) => name switch
    {
        // The never-deployed cc-spokes-mesh is adopted: a temporary group and configuration, handed over in the final wave.
        "contoso-adopt" => Plan(),
        // No existing mesh: a new network manager, and Azure Policy membership as the end state.
        "contoso-policy" => Plan(r => { r.Tag = new[] { "role=spoke" }; r.DynamicMembership = true; }, withoutExistingMesh: true),
        // No existing mesh: the plan's static group and configuration are the end state; with the decommission phase.
        "contoso-new-mesh" => Plan(r => r.Decommission = true, withoutExistingMesh: true),
        // The what-if of SSH (22/tcp): the hub firewall denies it between spokes today, the mesh path would not cross it
        // (plan.json's opensFlowCount and opensFlow, whatif-opened-flows.csv).
        "secured-spokes-22" => new MeshMigrationRequest { Snapshot = "sample:secured-spokes", Port = 22 }.Execute(new RecordingEngineHost()),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderingsMatchTheGoldenFiles(string name)
    {
        var files = PlanOutputs.Render(PlanFor(name), IacFormat.All).Select(f => new KeyValuePair<string, string>(f.Key, WithoutTimes(f.Key, f.Value))).ToList();
        var dir = GoldenDir(name);
        bool update = Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_GOLDEN") == "1";
        if (update) Directory.CreateDirectory(dir);
        foreach (var (file, content) in files)
        {
            var path = Path.Combine(dir, file);
            if (update) File.WriteAllText(path, content);
            Assert.True(File.Exists(path), $"golden file {path} is missing; run with AZSPOKE_UPDATE_GOLDEN=1");
            Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), content.ReplaceLineEndings("\n"));
        }
        Assert.Equal(files.Select(f => f.Key).OrderBy(f => f), Directory.GetFiles(dir).Select(Path.GetFileName).OrderBy(f => f));
    }

    /// <summary>The what-if's elapsed times are the only thing that varies between runs.</summary>
    private static string WithoutTimes(string file, string content) =>
        file == "plan.json" ? System.Text.RegularExpressions.Regex.Replace(content, "\"elapsedMs\": \\d+", "\"elapsedMs\": 0") : content;

    [Fact]
    public void TerraformIsARunnableRootModuleWithPinnedProviderAndConnectivityCapabilities()
    {
        var tf = TerraformRenderer.Render(Plan(withoutExistingMesh: true));
        Assert.Contains("required_providers {\n    azurerm = {\n      source  = \"hashicorp/azurerm\"\n      version = \"" + TerraformRenderer.AzurermVersion + "\"", tf);
        Assert.Matches("^\\d+\\.\\d+\\.\\d+$", TerraformRenderer.AzurermVersion);
        Assert.Contains("provider \"azurerm\" {\n  features {}", tf);
        Assert.Contains("connected_group_private_endpoints_scale = \"Standard\"", tf);
        Assert.Contains("connected_group_address_overlap_enabled = false", tf);
        Assert.Contains("peering_enforcement_enabled             = false", tf);
        Assert.DoesNotContain("# connectivityCapabilities", tf);
        // Balanced braces: every block closes.
        Assert.Equal(tf.Count(c => c == '{'), tf.Count(c => c == '}'));
    }

    [Fact]
    public void ArmTemplateIsValidJsonWithAvnmTypesAndOneApiVersion()
    {
        using var doc = JsonDocument.Parse(ArmTemplateRenderer.Render(Plan()));
        var resources = doc.RootElement.GetProperty("resources").EnumerateArray().ToList();
        var avnm = resources.Where(r => r.GetProperty("type").GetString()!.StartsWith("Microsoft.Network/networkManagers")).ToList();
        Assert.Equal(new[]
        {
            "Microsoft.Network/networkManagers/connectivityConfigurations",
            "Microsoft.Network/networkManagers/networkGroups",
            "Microsoft.Network/networkManagers/networkGroups/staticMembers",
        }, avnm.Select(r => r.GetProperty("type").GetString()).Distinct().OrderBy(t => t));
        Assert.All(avnm, r => Assert.Equal(AvnmApi.Version, r.GetProperty("apiVersion").GetString()));
        Assert.True(string.CompareOrdinal(AvnmApi.Version, "2024-05-01") >= 0);
        // The waves' temporary group holds the members of waves 1 and 2; the final wave's member joins through cc-spokes-mesh.
        Assert.Equal(3, avnm.Count(r => r.GetProperty("type").GetString()!.EndsWith("staticMembers")));
        var cfg = avnm.Single(r => r.GetProperty("type").GetString()!.EndsWith("connectivityConfigurations")).GetProperty("properties");
        Assert.Equal("Mesh", cfg.GetProperty("connectivityTopology").GetString());
        Assert.Equal("True", cfg.GetProperty("isGlobal").GetString());
        Assert.Equal("False", cfg.GetProperty("deleteExistingPeering").GetString());
        Assert.Equal("Standard", cfg.GetProperty("connectivityCapabilities").GetProperty("connectedGroupPrivateEndpointsScale").GetString());
        // The commit is a deploymentScripts step: waves 1..2 commit the plan's configuration, wave 3 the adopted one in its place.
        var script = resources.Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deploymentScripts");
        var content = script.GetProperty("properties").GetProperty("scriptContent").GetString()!;
        Assert.StartsWith("[if(equals(parameters('wave'), 3), 'Deploy-AzNetworkManagerCommit", content);
        var (final, early) = (content.Substring(0, content.IndexOf("', '", StringComparison.Ordinal)), content.Substring(content.IndexOf("', '", StringComparison.Ordinal)));
        Assert.Contains("connectivityConfigurations/cc-spokes-mesh", final);
        Assert.DoesNotContain("connectivityConfigurations/cc-azspoke-mesh", final);
        Assert.Contains("connectivityConfigurations/cc-azspoke-mesh", early);
        Assert.DoesNotContain("connectivityConfigurations/cc-spokes-mesh", early);
        Assert.Contains("az network manager post-commit", doc.RootElement.GetProperty("metadata").GetProperty("commitOutOfBand").GetString());
    }

    [Fact]
    public void NewNetworkManagerIsCreatedWithTheOwnershipTagWhenTheSnapshotHasNone()
    {
        var t = new Readiness.EstateBuilder().Vnet("a", "westeurope", "10.1.0.0/16").Vnet("b", "westeurope", "10.2.0.0/16").Build();
        var plan = new MeshMigrationRequest { Topology = t, WhatIf = false }.Execute(new RecordingEngineHost());
        Assert.False(plan.NetworkManager.Exists);
        Assert.False(plan.Configuration.IsGlobal);
        using var doc = JsonDocument.Parse(ArmTemplateRenderer.Render(plan));
        var nm = doc.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.Network/networkManagers");
        Assert.Equal("azspoke", nm.GetProperty("tags").GetProperty(MigrationOptions.OwnerTag).GetString());
        Assert.Contains("resource \"azurerm_network_manager\" \"this\"", TerraformRenderer.Render(plan));
        Assert.Contains("New-AzNetworkManager ", PowerShellRenderer.Render(plan));
        Assert.Contains("resource networkManager 'Microsoft.Network/networkManagers@" + AvnmApi.Version + "' = {", BicepRenderer.Render(plan));
    }
}
