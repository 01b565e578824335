using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Engine.Tests.Migration;

/// <summary>
/// The "waves that hold" proof: the plan's ARM writes for waves 1..k, replayed through the apply runner onto the test-side ARM
/// simulator (independent of the planner), leave exactly the members of waves 1..k meshed, for every k; no pair loses delivery;
/// the simulated paths are what the per-wave what-if promised, and verify-wave agrees.
/// </summary>
public sealed class WavesHoldTests
{
    public static TheoryData<string, int, string?, string> Cases => new()
    {
        { "contoso-hairpin", MigrationOptions.DefaultPilotSize, null, "" },
        { "contoso-hairpin", 2, null, "" },
        { "hairpin-uncommitted-mesh", MigrationOptions.DefaultPilotSize, null, "" },
        { "hairpin-uncommitted-mesh", 20, "ng-all-spokes", "" },
        { "hairpin-uncommitted-mesh", 24, null, "dynamic" },
        { "hairpin-uncommitted-mesh", 30, null, "no-existing-mesh" },
    };

    /// <summary>The sample's JSON; "dynamic" and "no-existing-mesh" drop the never-committed mesh so that the plan owns the end state.</summary>
    private static JsonObject Sample(string name, string variant)
    {
        var doc = SampleFiles.EditableSample(name);
        if (variant.Length > 0)
            foreach (var r in doc["resources"]!.AsArray().Where(r => ((string?)r!["type"] ?? "").StartsWith("Microsoft.Network/networkManagers/", StringComparison.Ordinal)).ToList())
                doc["resources"]!.AsArray().Remove(r);
        return doc;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReplayingEachWavesWritesMeshesExactlyItsMembersAndNoPairLosesDelivery(string sample, int pilot, string? group, string variant)
    {
        var doc = Sample(sample, variant);
        var json = doc.ToJsonString();
        var before = AzSpokeTools.Engine.Snapshot.SnapshotLoader.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), sample + ".json");
        var request = new MeshMigrationRequest { Topology = before, PilotSize = pilot, NetworkGroup = group };
        if (variant == "dynamic") { request.Tag = new[] { "role=spoke" }; request.DynamicMembership = true; }
        var plan = request.Execute(new RecordingEngineHost());
        Assert.Empty(plan.Blockers);
        var expectedHandover = variant switch { "dynamic" => HandoverKind.PolicyGroup, "no-existing-mesh" => HandoverKind.None, _ => HandoverKind.ExistingConfiguration };
        Assert.Equal(expectedHandover, plan.Handover.Kind);
        var dir = Directory.CreateTempSubdirectory("azspoke-waves-").FullName;
        try
        {
            foreach (var (name, content) in PlanOutputs.Render(plan, IacFormat.None)) File.WriteAllText(Path.Combine(dir, name), content);
            var baseline = WaveReplay.Paths(before);
            var replay = new WaveReplay(json);
            var cumulative = new HashSet<string>();
            foreach (var wave in plan.Waves)
            {
                foreach (var m in wave.Members) cumulative.Add(m.Name);
                var result = replay.Apply(plan, wave.Number);
                Assert.True(result.Succeeded, $"wave {wave.Number}: {result.Failure ?? result.Refusal}");
                var after = replay.Topology();
                var paths = WaveReplay.Paths(after);

                // Exactly the members of waves 1..k are meshed: every mesh pair is between two of them, and each of them has one.
                var meshed = paths.Where(p => p.Value.Transits.Contains(PathKind.Mesh)).SelectMany(p => new[] { p.Key.From, p.Key.To }).ToHashSet();
                Assert.Equal(cumulative.Count > 1 ? cumulative.OrderBy(x => x) : Enumerable.Empty<string>(), meshed.OrderBy(x => x));
                var exceptions = wave.Validation.Exceptions.ToDictionary(e => (e.From.Name, e.To.Name), e => e.Expected);
                foreach (var a in cumulative)
                    foreach (var b in cumulative.Where(b => b != a))
                        Assert.Equal(exceptions.TryGetValue((a, b), out var k) ? k : PathKind.Mesh, paths[(a, b)].Kind);

                // No pair delivered before the migration stops being delivered.
                var lost = baseline.Where(p => p.Value.Delivered && !paths[p.Key].Delivered).Select(p => p.Key).ToList();
                Assert.Empty(lost);

                // What the per-wave what-if promised is what the simulated estate shows.
                foreach (var pair in plan.WhatIf!.Waves[wave.Number - 1].Pairs)
                {
                    var found = paths[(pair.From.Name, pair.To.Name)];
                    Assert.True(found.Outcome == pair.After.Outcome && found.Kind == pair.After.Kind && found.Transits.SequenceEqual(pair.After.Transits),
                        $"wave {wave.Number} {pair.From.Name} -> {pair.To.Name}: promised {pair.After} [{pair.After.TransitText}], found {found} [{found.TransitText}]");
                }
                var verified = new WaveVerificationRequest { Plan = dir, Wave = wave.Number.ToString(), Topology = after }.Execute(new RecordingEngineHost());
                Assert.True(verified.Verified, string.Join("\n", verified.Differences.Take(5)) + string.Join("\n", verified.Unresolved));
            }

            // Read back the recorded commits: before the final wave only the plan's configuration is committed next to what was
            // active; an adopted configuration is committed by the final wave alone, never earlier.
            var commits = replay.Arm.Commits;
            if (plan.Handover.Kind == HandoverKind.ExistingConfiguration)
            {
                var adopted = plan.Handover.ConfigurationId!.Value.Value;
                int finalCommits = plan.Waves[^1].Commits.Count;
                Assert.All(commits.Take(commits.Count - finalCommits), c => Assert.DoesNotContain(adopted, c.ConfigurationIds, StringComparer.OrdinalIgnoreCase));
                Assert.All(commits.Skip(commits.Count - finalCommits), c => Assert.Equal(new[] { adopted }, c.ConfigurationIds));
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
