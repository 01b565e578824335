using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Hosting;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Reports;

/// <summary>
/// The optional access properties of the path, matrix and intent shapes (written only when a flow is given): pinned on the
/// secured-spokes sample with the same schemas and golden-file rules as the documents without them (schemaVersion stays 1).
/// </summary>
public sealed class OutputContractAccessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-contract-access-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RecordingEngineHost Host => new();

    [Fact]
    public void PathWithAFlowHasAccessTheDecidingRuleAndPerHopChecks()
    {
        var path = new PathRequest { Snapshot = "sample:secured-spokes", Source = "vm-app3-nic", Destination = "vm-app1-nic", Port = 443 }.Execute(Host);
        var json = PathJsonWriter.Render(path);
        OutputContractTests.Pin("path", "path.secured-spokes.app3-app1-443.json", json);
        var doc = JsonNode.Parse(json)!;
        Assert.Equal("Denied", (string)doc["access"]!);
        Assert.Equal("deny-https-from-spoke3", (string)doc["decidingRule"]!["name"]!);
        Assert.Contains(doc["hops"]!.AsArray(), h => h!["securityChecks"] != null);
    }

    [Fact]
    public void PathWithoutAFlowHasNoAccessProperties()
    {
        var doc = JsonNode.Parse(PathJsonWriter.Render(new PathRequest { Snapshot = "sample:secured-spokes", Source = "vm-app3-nic", Destination = "vm-app1-nic" }.Execute(Host)))!.AsObject();
        Assert.False(doc.ContainsKey("access"));
        Assert.False(doc.ContainsKey("decidingRule"));
        Assert.All(doc["hops"]!.AsArray(), h => Assert.False(h!.AsObject().ContainsKey("access")));
    }

    [Fact]
    public void MatrixWithAFlowHasRowAccessCountsByAccessAndCsvColumns()
    {
        var request = new PathMatrixRequest { Snapshot = "sample:secured-spokes", Port = 443 };
        OutputContractTests.Pin("matrix-summary", "matrix-summary.secured-spokes-443.json", PathMatrixJsonWriter.RenderSummary(request.Execute(Host).Run(null)));
        var json = new StringWriter();
        PathMatrixJsonWriter.WriteDocument(json, request.Execute(Host));
        OutputContractTests.Pin("matrix", "matrix.secured-spokes-443.json", json.ToString());
        Assert.All(JsonNode.Parse(json.ToString())!["pairs"]!.AsArray(), row => Assert.NotNull(row!["access"]));

        var csv = new StringWriter();
        PathMatrixCsvWriter.Write(csv, request.Execute(Host));
        OutputContractTests.Golden("matrix.secured-spokes-443.csv", csv.ToString());
        Assert.Equal(PathMatrixCsvWriter.Header + PathMatrixCsvWriter.AccessColumns, csv.ToString().Split('\n')[0]);
    }

    [Fact]
    public void IntentReportListsEachRulesAllowAndDenyFlows()
    {
        var intent = Path.Combine(_dir, "intent.yaml");
        File.WriteAllText(intent, "rules:\n  - name: web-open-ssh-closed\n    from: '*'\n    to: '*'\n    allow: [443/tcp]\n    deny: [22/tcp]\n");
        var report = new IntentRequest { Snapshot = "sample:secured-spokes", Intent = intent, MaxExamplesPerRule = 1 }.Execute(Host);
        var json = IntentReportJsonWriter.Render(report);
        OutputContractTests.Pin("intent", "intent.secured-spokes-flows.json", json);
        var rule = JsonNode.Parse(json)!["rules"]![0]!;
        Assert.Equal("443/Tcp", (string)rule["allow"]![0]!);
        Assert.Equal("22/Tcp", (string)rule["deny"]![0]!);
    }
}
