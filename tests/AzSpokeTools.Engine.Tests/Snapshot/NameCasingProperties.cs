using System.Text.Json.Nodes;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using FsCheck.Xunit;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Snapshot;

/// <summary>Member names are matched case-insensitively, whatever casing a tool writes.</summary>
public class NameCasingProperties
{
    private static readonly string ArmEstate = File.ReadAllText(Snap.TestData("estate/arm-snapshot.json"));
    private static readonly List<string> Expected = FlattenedFormatTests.Describe(Snap.Json(ArmEstate));

    [Property(MaxTest = 30)]
    public void AnyCasingOfMemberNamesGivesTheSameModel(int seed)
    {
        var random = new Random(seed);
        var recased = Recase(JsonNode.Parse(ArmEstate)!, random, inTags: false)!.ToJsonString();
        var t = Snap.Json(recased, "recased.json");
        Assert.Empty(t.Diagnostics);
        Assert.Equal(Expected, FlattenedFormatTests.Describe(t));
    }

    /// <summary>Rewrites every member name with random letter case, except tag keys (data, not schema).</summary>
    private static JsonNode? Recase(JsonNode? node, Random random, bool inTags)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (name, value) in o)
                {
                    var newName = inTags ? name : new string(name.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray());
                    copy[newName] = Recase(value, random, string.Equals(name, "tags", StringComparison.OrdinalIgnoreCase));
                }
                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(i => Recase(i, random, false)).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
