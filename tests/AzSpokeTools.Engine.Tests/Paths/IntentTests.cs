using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>Intent files (YAML and JSON), first-match-wins, require/forbid, AVNM-derived intent and errors for bad files.</summary>
public sealed class IntentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-intent-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static Model.Topology Sample(string name) => SnapshotLoader.Load("sample:" + name);

    [Fact]
    public void YamlAndJsonFilesSayTheSameThing()
    {
        var t = Sample("hub-firewall");
        var yaml = IntentSet.Load(File("i.yaml", """
            groups:
              spokes: { name: "spoke*" }
              hubs:
                tag: { role: hub }
            rules:
              - name: inspected
                from: spokes
                to: spokes
                expect: [Appliance]
                require: [Appliance]
            """), t);
        var json = IntentSet.Load(File("i.json", """
            { "groups": { "spokes": { "name": "spoke*" }, "hubs": { "tag": { "role": "hub" } } },
              "rules": [ { "name": "inspected", "from": "spokes", "to": ["spokes"], "expect": ["Appliance"], "require": "Appliance" } ] }
            """), t);
        foreach (var set in new[] { yaml, json })
        {
            var d = set.For(t.ResolveVirtualNetwork("spoke1"), t.ResolveVirtualNetwork("spoke2"));
            Assert.NotNull(d);
            Assert.Equal("inspected", d!.RuleName);
            Assert.Equal(new[] { PathKind.Appliance }, d.Expect);
            Assert.Equal(new[] { PathKind.Appliance }, d.Require);
            Assert.Null(set.For(t.ResolveVirtualNetwork("spoke1"), t.ResolveVirtualNetwork("hub")));
        }
        var r = new PathAnalyzer(t).Trace("spoke1", "spoke2", yaml);
        Assert.True(r.Compliant);
    }

    [Fact]
    public void FirstMatchingRuleWins()
    {
        var t = Sample("hub-firewall");
        var set = IntentSet.Parse("i.yaml", """
            groups:
              one: { name: spoke1 }
            rules:
              - { name: specific, from: one, to: "*", expect: [Direct] }
              - { name: general, from: "*", to: "*", expect: [Appliance] }
            """, t);
        Assert.Equal("specific", set.For(t.ResolveVirtualNetwork("spoke1"), t.ResolveVirtualNetwork("spoke2"))!.RuleName);
        Assert.Equal("general", set.For(t.ResolveVirtualNetwork("spoke2"), t.ResolveVirtualNetwork("spoke1"))!.RuleName);
        var r = new PathAnalyzer(t).Trace("spoke1", "spoke2", set);
        Assert.False(r.Compliant);
        Assert.Contains(r.Reasons, x => x.Message.Contains("not one of the intended [Direct]"));
    }

    [Fact]
    public void RequireAndForbidCheckTheTransits()
    {
        var t = Sample("contoso-hairpin");
        var set = IntentSet.Parse("i.yaml", """
            groups:
              spokes: { name: "spoke-*" }
            rules:
              - { from: spokes, to: spokes, require: [Appliance] , forbid: [ExpressRouteHairpin] }
            """, t);
        var hairpin = new PathAnalyzer(t).Trace("spoke-a1", "spoke-b1", set);
        Assert.False(hairpin.Compliant);
        Assert.Contains(hairpin.Reasons, x => x.Message.Contains("forbidden transit ExpressRouteHairpin"));
        Assert.Contains(hairpin.Reasons, x => x.Message.Contains("required transit Appliance"));
        var viaFirewall = new PathAnalyzer(t).Trace("spoke-a2", "spoke-a1", set);
        Assert.True(viaFirewall.Compliant, string.Join("\n", viaFirewall.Reasons));
    }

    [Fact]
    public void AvnmMeshMembersIntendMeshAndAFileRuleWinsOverAvnm()
    {
        var t = Sample("avnm-mesh");
        var avnm = IntentSet.FromAvnm(t);
        var d = avnm.For(t.ResolveVirtualNetwork("spoke1"), t.ResolveVirtualNetwork("spoke2"));
        Assert.True(d!.FromAvnm);
        Assert.Equal(new[] { PathKind.Mesh }, d.Expect);
        Assert.Null(avnm.For(t.ResolveVirtualNetwork("spoke1"), t.ResolveVirtualNetwork("hub")));
        var file = IntentSet.Parse("i.yaml", """
            groups:
              all: { name: "*" }
            rules:
              - { from: all, to: all, expect: [Appliance] }
            """, t);
        Assert.False(file.For(t.ResolveVirtualNetwork("spoke1"), t.ResolveVirtualNetwork("spoke2"))!.FromAvnm);
        // Regional mesh: cross-region members are not intended Mesh by a regional configuration.
        var hs = Sample("avnm-hub-spoke");
        Assert.Null(IntentSet.FromAvnm(hs).For(hs.ResolveVirtualNetwork("spoke-we1"), hs.ResolveVirtualNetwork("spoke-ne1")));
        Assert.NotNull(IntentSet.FromAvnm(hs).For(hs.ResolveVirtualNetwork("spoke-we1"), hs.ResolveVirtualNetwork("spoke-we2")));
    }

    [Fact]
    public void GroupsSelectByResourceGroupSubscriptionAndNetworkGroup()
    {
        var t = Sample("avnm-mesh");
        var set = IntentSet.Parse("i.yaml", """
            groups:
              rg: { resourceGroup: rg-spokes }
              sub: { subscription: 8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69 }
            rules:
              - { name: rg-rule, from: rg, to: sub, expect: [Mesh] }
            """, t);
        Assert.Equal("rg-rule", set.For(t.ResolveVirtualNetwork("spoke4"), t.ResolveVirtualNetwork("spoke1"))!.RuleName);
        Assert.Null(set.For(t.ResolveVirtualNetwork("hub"), t.ResolveVirtualNetwork("spoke1")));
        var byGroup = IntentSet.Parse("i.yaml", """
            groups:
              mesh: { networkGroup: ng-mesh-we }
            rules:
              - { name: mesh-rule, from: mesh, to: mesh, expect: [Mesh] }
            """, t);
        Assert.Equal("mesh-rule", byGroup.For(t.ResolveVirtualNetwork("spoke1"), t.ResolveVirtualNetwork("spoke2"))!.RuleName);
        Assert.Null(byGroup.For(t.ResolveVirtualNetwork("hub"), t.ResolveVirtualNetwork("spoke1")));
    }

    [Theory]
    [InlineData("bad.yaml", "rules:\n  - { from: a, to: b, expect: [Mesh] }\n", "$.rules[0].from", "unknown group 'a'")]
    [InlineData("bad.yaml", "groups:\n  a: { name: x }\nrules:\n  - { from: a, to: a, expect: [Mesh, Tunnel] }\n", "$.rules[0].expect[1]", "unknown path kind 'Tunnel'")]
    [InlineData("bad.yaml", "groups:\n  a: { colour: blue }\nrules: []\n", "$.groups.a.colour", "unknown selector 'colour'")]
    [InlineData("bad.yaml", "groups:\n  a: { name: x }\nrules:\n  - { from: a, to: a }\n", "$.rules[0]", "at least one of expect, require, forbid")]
    [InlineData("bad.yaml", "groups: [\n", "$", "not valid YAML")]
    [InlineData("bad.json", "{ \"rules\": [ { \"from\": \"*\", \"to\": \"*\", \"expect\": [\"Mesh\"] } ], }x", "$", "not valid JSON")]
    [InlineData("bad.json", "{ \"rulez\": [] }", "$.rulez", "unknown key 'rulez'")]
    public void BadIntentFilesNameTheFileAndThePath(string name, string text, string path, string message)
    {
        var t = Sample("hub-firewall");
        var file = File(name, text);
        var ex = Assert.Throws<IntentFileException>(() => IntentSet.Load(file, t));
        Assert.Equal(path, ex.DocumentPath);
        Assert.Contains(file, ex.Message);
        Assert.Contains(message, ex.Message);
        Assert.Equal("Intent", ex.Parameter);
    }

    [Fact]
    public void MissingIntentFileIsAnInputError()
    {
        var ex = Assert.Throws<IntentFileException>(() => IntentSet.Load(Path.Combine(_dir, "nope.yaml"), Sample("hub-firewall")));
        Assert.Contains("nope.yaml", ex.Message);
    }

    [Fact]
    public void IntentReportPassesAndFailsPerRuleWithTracedExamples()
    {
        var file = File("i.yaml", """
            groups:
              spokes: { name: "spoke-*" }
              a-spokes: { name: "spoke-a*" }
              hub-a: { name: hub-a }
            rules:
              - { name: no-hairpin, from: spokes, to: spokes, forbid: [ExpressRouteHairpin] }
              - { name: hub-a-direct, from: a-spokes, to: hub-a, expect: [Direct] }
            """);
        var report = new IntentRequest { Snapshot = "sample:contoso-hairpin", Intent = file }.Execute(new Hosting.RecordingEngineHost());
        Assert.False(report.Passed);
        var rule = report.Rules.Single(r => r.Name == "no-hairpin");
        Assert.Equal(12, rule.Pairs);
        Assert.Equal(8, rule.Failed);
        Assert.Equal(8, rule.FailedByKind[PathKind.ExpressRouteHairpin]);
        Assert.NotEmpty(rule.Examples);
        Assert.All(rule.Examples, e => Assert.Equal(PathKind.ExpressRouteHairpin, e.Kind));
        var direct = report.Rules.Single(r => r.Name == "hub-a-direct");
        Assert.Equal(2, direct.Pairs);
        Assert.True(direct.Passed);
    }
}
