using System.Text.Json;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Migration;

/// <summary>
/// Golden files of the IaC renderings. Set AZSPOKE_UPDATE_GOLDEN=1 to rewrite them from the current renderers
/// (then review the diff); otherwise every rendering must match its file byte for byte.
/// </summary>
public sealed class IacGoldenTests
{
    private static string GoldenDir(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Migration", "Golden", name);

    private static MigrationPlan Plan(Action<MeshMigrationRequest>? set = null)
    {
        var r = new MeshMigrationRequest { Snapshot = "sample:contoso-hairpin", WhatIf = false };
        set?.Invoke(r);
        return r.Execute(new RecordingEngineHost());
    }

    public static TheoryData<string> Cases => new() { "contoso-static", "contoso-policy" };

    private static MigrationPlan PlanFor(string name) => name switch
    {
        "contoso-static" => Plan(),
        "contoso-policy" => Plan(r => { r.Tag = new[] { "role=spoke" }; r.DynamicMembership = true; }),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderingsMatchTheGoldenFiles(string name)
    {
        var files = PlanOutputs.Render(PlanFor(name), IacFormat.All);
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
        Assert.Equal(4, avnm.Count(r => r.GetProperty("type").GetString()!.EndsWith("staticMembers")));
        var cfg = avnm.Single(r => r.GetProperty("type").GetString()!.EndsWith("connectivityConfigurations")).GetProperty("properties");
        Assert.Equal("Mesh", cfg.GetProperty("connectivityTopology").GetString());
        Assert.Equal("True", cfg.GetProperty("isGlobal").GetString());
        Assert.Equal("False", cfg.GetProperty("deleteExistingPeering").GetString());
        Assert.Equal("Standard", cfg.GetProperty("connectivityCapabilities").GetProperty("connectedGroupPrivateEndpointsScale").GetString());
        // peers.md §12: the commit is a deploymentScripts step naming the region's full configuration set.
        var script = resources.Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deploymentScripts");
        var content = script.GetProperty("properties").GetProperty("scriptContent").GetString()!;
        Assert.Contains("Deploy-AzNetworkManagerCommit", content);
        Assert.Contains("connectivityConfigurations/cc-spokes-mesh", content);
        Assert.Contains("connectivityConfigurations/cc-azspoke-mesh", content);
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
