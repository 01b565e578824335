using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Migration;

/// <summary>The per-wave what-if: its fast path (only the pairs a wave can change) against full matrices of every state, and its flags.</summary>
public sealed class PerWaveWhatIfTests
{
    private static Dictionary<(ResourceId, ResourceId), PairPath> Full(Topology t)
    {
        var m = new PathMatrix(t);
        var d = new Dictionary<(ResourceId, ResourceId), PairPath>();
        foreach (var row in m.Rows())
            d[(m.Endpoints[row.Source].VirtualNetwork.Id, m.Endpoints[row.Destination].VirtualNetwork.Id)] = new PairPath(row.Summary.Outcome, row.Summary.Kind, row.Summary.Transits.ToList());
        return d;
    }

    private static bool Same(PairPath a, PairPath b) => a.Outcome == b.Outcome && a.Kind == b.Kind && a.Transits.SequenceEqual(b.Transits);

    [Fact]
    public void EachWavesPairsMatchFullMatricesOfEveryStateAndNoOtherPairChanges()
    {
        // 120 spokes, pilot of 20 and waves of 40: four waves over two hubs, firewall spokes and private endpoints.
        var topology = ContosoEstate.Load(120);
        var plan = new MeshMigrationRequest { Topology = topology, PilotSize = 20, WaveSize = 40 }.Execute(new RecordingEngineHost());
        Assert.Equal(4, plan.Waves.Count);
        var previous = Full(topology);
        foreach (var wave in plan.WhatIf!.Waves)
        {
            // The reference: every pair of the state after the wave, with every private endpoint kept.
            var current = Full(WhatIfTopology.Apply(topology, plan, wave.Wave));
            var touched = wave.Pairs.ToDictionary(p => (p.From.Id, p.To.Id));
            foreach (var (key, path) in current)
            {
                if (touched.TryGetValue(key, out var change))
                {
                    Assert.True(Same(change.Before, previous[key]), $"wave {wave.Wave} {change.From.Name}->{change.To.Name}: before {change.Before} vs {previous[key]}");
                    Assert.True(Same(change.After, path), $"wave {wave.Wave} {change.From.Name}->{change.To.Name}: after {change.After} vs {path}");
                    Assert.Equal(PairPath.Symmetric(path, current[(key.Item2, key.Item1)]), change.AfterSymmetric);
                }
                else Assert.True(Same(previous[key], path), $"wave {wave.Wave} changed a pair outside its focus: {key}");
            }
            Assert.True(wave.Pairs.Count < current.Count || wave.Wave == plan.Waves.Count);
            previous = current;
        }
        // The whole plan's pairs are the first wave's before and the last wave's after of each member pair.
        var start = Full(topology);
        Assert.All(plan.WhatIf.Pairs, p => Assert.True(Same(p.Before, start[(p.From.Id, p.To.Id)]) && Same(p.After, previous[(p.From.Id, p.To.Id)])));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void TheWhatIfOnSeveralThreadsIsTheSingleThreadedWhatIf(int threads)
    {
        // Each state's matrix evaluates its sources on several threads; the stores, the pairs, their order and the decommission
        // phase must be those of one thread.
        var topology = ContosoEstate.Load(120);
        string Render(int n)
        {
            var plan = new MeshMigrationRequest { Topology = topology, PilotSize = 20, WaveSize = 40, Decommission = true, Threads = n }.Execute(new RecordingEngineHost());
            var json = System.Text.RegularExpressions.Regex.Replace(PlanJsonWriter.Render(plan), "\"elapsedMs\": [0-9]+", "\"elapsedMs\": 0");
            return WhatIfPairsCsvWriter.Render(plan.WhatIf!) + json;
        }
        var single = Render(1);
        Assert.Contains("decommission", single, StringComparison.Ordinal);
        Assert.Equal(single, Render(threads));
    }

    [Fact]
    public void APairMeshedOneWayWhileTheReturnStaysOnTheFirewallIsFlaggedAsymmetric()
    {
        // spoke-a2 keeps an exact-prefix route to spoke-a1 through the hub firewall: a2 -> a1 stays inspected, a1 -> a2 goes direct.
        var t = SampleFiles.LoadVariant("contoso-hairpin", doc =>
        {
            var routes = SampleFiles.Resource(doc, "rt-spoke-a2-fw")["properties"]!["routes"]!.AsArray();
            routes.Add(new JsonObject
            {
                ["name"] = "spoke-a1-to-fw",
                ["properties"] = new JsonObject { ["addressPrefix"] = "10.1.0.0/16", ["nextHopType"] = "VirtualAppliance", ["nextHopIpAddress"] = "10.0.1.4" },
            });
        });
        var plan = new MeshMigrationRequest { Topology = t }.Execute(new RecordingEngineHost());
        var wave = plan.WhatIf!.Waves.Single();
        var forward = wave.Pairs.Single(p => p.From.Name == "spoke-a1" && p.To.Name == "spoke-a2");
        var back = wave.Pairs.Single(p => p.From.Name == "spoke-a2" && p.To.Name == "spoke-a1");
        Assert.Equal(PathKind.Mesh, forward.After.Kind);
        Assert.Equal(PathKind.Appliance, back.After.Kind);
        Assert.True(forward.AsymmetricAfter);
        Assert.True(back.AsymmetricAfter);
        Assert.True(forward.LosesSymmetry); // not delivered before, asymmetric after
        Assert.Equal(2, wave.AsymmetricAfter.Count());
        Assert.Contains("1,spoke-a1,spoke-a2,Dropped/None,Mesh,,Mesh,false,false,false,false,true", WhatIfPairsCsvWriter.Render(plan.WhatIf).Split('\n'));
        Assert.False(wave.Pairs.Single(p => p.From.Name == "spoke-b1" && p.To.Name == "spoke-b2").AsymmetricAfter);
    }

    [Fact]
    public void ThePerWaveCsvHasAWaveColumnAndEveryPairTheWaveCanChange()
    {
        var plan = new MeshMigrationRequest { Snapshot = "sample:contoso-hairpin", PilotSize = 2 }.Execute(new RecordingEngineHost());
        var lines = WhatIfPairsCsvWriter.Render(plan.WhatIf!).TrimEnd('\n').Split('\n');
        Assert.Equal(WhatIfPairsCsvWriter.Header, lines[0]);
        Assert.StartsWith("wave,", lines[0]);
        Assert.Equal(plan.WhatIf!.Waves.Sum(w => w.Pairs.Count), lines.Length - 1);
        // Wave 1 (spoke-b2, spoke-a1) touches each of them against every other VNet, both ways: 2 x 5 x 2 - 2 pairs.
        Assert.Equal(18, lines.Count(l => l.StartsWith("1,")));
        Assert.All(lines.Skip(1), l => Assert.Equal(12, l.Split(',').Length));
    }
}
