using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Migration;

/// <summary>
/// The bundled sample hairpin-uncommitted-mesh-after-pilot is the estate applying wave 1 (the pilot) of the default plan for
/// hairpin-uncommitted-mesh leaves, as the ARM simulator holds it after the apply runner's writes and commits. Set
/// AZSPOKE_UPDATE_GOLDEN=1 to rewrite it from the current plan (then review the diff).
/// </summary>
public sealed class AfterPilotSampleTests
{
    public const string Before = "hairpin-uncommitted-mesh";
    public const string AfterPilot = "hairpin-uncommitted-mesh-after-pilot";
    private const string CapturedAt = "2026-11-23T06:00:00Z";

    private static JsonObject Replayed()
    {
        var before = SampleFiles.EditableSample(Before).ToJsonString();
        var plan = new MeshMigrationRequest { Snapshot = "sample:" + Before, WhatIf = false }.Execute(new RecordingEngineHost());
        var replay = new WaveReplay(before);
        var result = replay.Apply(plan, 1);
        Assert.True(result.Succeeded, result.Failure ?? result.Refusal);
        var doc = JsonNode.Parse(replay.Arm.Snapshot())!.AsObject();
        doc["capturedAt"] = CapturedAt;
        return doc;
    }

    [Fact]
    public void AfterPilotSampleIsWhatApplyingThePilotWaveLeaves()
    {
        var produced = Replayed();
        var path = Path.Combine(SampleFiles.Root, AfterPilot + ".json");
        if (Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, produced.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n");
        var bundled = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.True(JsonNode.DeepEquals(bundled, produced), $"{path} is not what applying the pilot writes; run with AZSPOKE_UPDATE_GOLDEN=1 and review the diff");
    }
}
