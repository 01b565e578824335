using System.Text.RegularExpressions;
using AzSpokeTools.Cli;
using AzSpokeTools.Engine.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Samples;

/// <summary>
/// What users read (route reasons, path reasons and fixes, readiness findings, the plan and its IaC files) cites public
/// documentation by name, never the project's internal notes by section number ("docs/routing-model.md#avnm-connectivity-configurations", "docs/routing-model.md").
/// Every bundled sample's outputs are produced through the CLI and searched.
/// </summary>
public sealed partial class UserFacingTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azspoke-text-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var name in SampleCatalog.Names) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void OutputsCiteNoInternalSections(string sample)
    {
        var snapshot = "sample:" + sample;
        var texts = new List<(string What, string Text)>();
        string Run(params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            CliApp.Run(args, o, e);
            var text = o + "\n" + e;
            texts.Add((string.Join(' ', args), text));
            return o.ToString();
        }

        var vnets = new List<string>();
        using (var doc = System.Text.Json.JsonDocument.Parse(Run("matrix", "--snapshot", snapshot, "--format", "json")))
            foreach (var pair in doc.RootElement.GetProperty("pairs").EnumerateArray()) vnets.Add(pair.GetProperty("source").GetString()!);
        var topology = new Engine.Requests.TopologyRequest { Snapshot = snapshot }.Execute(new Engine.Hosting.RecordingEngineHost());
        foreach (var subnet in topology.VirtualNetworks.SelectMany(v => v.Subnets)) Run("routes", "--snapshot", snapshot, "--subnet", subnet.DisplayName);
        foreach (var a in vnets.Distinct())
            foreach (var b in vnets.Distinct().Where(b => b != a))
                Run("path", "--snapshot", snapshot, "--from", a, "--to", b, "--format", "json");
        Run("readiness", "--snapshot", snapshot, "--format", "json");
        var plan = Path.Combine(_folder, sample);
        Run("plan", "--snapshot", snapshot, "--out", plan, "--iac", "arm,bicep,terraform,powershell");
        if (Directory.Exists(plan))
            foreach (var file in Directory.GetFiles(plan, "*", SearchOption.AllDirectories)) texts.Add((Path.GetFileName(file), File.ReadAllText(file)));

        var offenders = texts.SelectMany(t => InternalReference().Matches(t.Text).Select(m => $"{t.What}: ...{Around(t.Text, m.Index)}...")).Distinct().Take(20).ToList();
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void TheCheckFindsASectionNumberAndAnInternalFileName()
    {
        Assert.Matches(InternalReference(), "dropped (§4.2)");
        // The notes' file names are built here so that this file does not mention them (see RepositoryCitationTests).
        Assert.Matches(InternalReference(), "see azure-routing-rules" + ".md");
        Assert.Matches(InternalReference(), "Commits are not declarative (peers" + ".md)");
        Assert.DoesNotMatch(InternalReference(), "Azure docs, \"Virtual network traffic routing\" > \"How Azure selects a route\"");
    }

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 60), Math.Min(120, text.Length - Math.Max(0, index - 60))).ReplaceLineEndings(" ");

    [GeneratedRegex(@"§|azure-routing-rules\.md|peers\.md|DESIGN\.md|\.\./shared")]
    private static partial Regex InternalReference();
}
