using System.Text.Json;
using System.Text.RegularExpressions;
using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Engine.Tests.Samples;

/// <summary>Structural checks a bundled or generated snapshot must pass, independent of the engine's loader.</summary>
internal static class SnapshotIntegrity
{
    private static readonly Regex ProviderType = new(@"/providers/([^/]+)/([^/]+)/", RegexOptions.Compiled);
    private static readonly HashSet<string> ReferenceKeys = new(StringComparer.Ordinal) { "resourceId", "networkGroupId", "nextHop" };

    /// <summary>Envelope problems: schemaVersion 1, capturedAt, source, coverage, resources and results arrays.</summary>
    public static IEnumerable<string> EnvelopeProblems(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) { yield return "root is not an object"; yield break; }
        if (!root.TryGetProperty("schemaVersion", out var v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != 1) yield return "schemaVersion is not 1";
        if (!root.TryGetProperty("capturedAt", out var c) || c.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(c.GetString(), out _)) yield return "capturedAt is not a timestamp";
        if (!root.TryGetProperty("source", out var s) || s.ValueKind != JsonValueKind.String) yield return "source is missing";
        if (!root.TryGetProperty("coverage", out var cov) || cov.ValueKind != JsonValueKind.Object) yield return "coverage is missing";
        if (!root.TryGetProperty("resources", out var r) || r.ValueKind != JsonValueKind.Array) yield return "resources is not an array";
        if (!root.TryGetProperty("results", out var res) || res.ValueKind != JsonValueKind.Array) { yield return "results is not an array"; yield break; }
        int i = 0;
        foreach (var result in res.EnumerateArray())
        {
            foreach (string key in new[] { "operation", "scope" })
                if (!result.TryGetProperty(key, out var k) || k.ValueKind != JsonValueKind.String) yield return $"results[{i}].{key} is missing";
            if (!result.TryGetProperty("body", out _)) yield return $"results[{i}].body is missing";
            i++;
        }
    }

    public static IEnumerable<JsonElement> Resources(JsonElement root) => root.GetProperty("resources").EnumerateArray();

    public static IEnumerable<string> ResourcesMissingIdNameType(JsonElement root)
    {
        int i = 0;
        foreach (var r in Resources(root))
        {
            foreach (string key in new[] { "id", "name", "type" })
                if (!r.TryGetProperty(key, out var k) || k.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(k.GetString()))
                    yield return $"resources[{i}].{key}";
            i++;
        }
    }

    /// <summary>
    /// Resource ids referenced inside properties (and result scopes) whose top-level Microsoft.Network type occurs in
    /// the snapshot but that name no resource or inline child object (subnet, peering, ip configuration ...) in it.
    /// A reference is an <c>{"id": ...}</c> object without a name, or a resourceId / networkGroupId / nextHop string.
    /// </summary>
    public static IEnumerable<string> DanglingReferences(JsonElement root)
    {
        var defined = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var types = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var references = new List<string>();
        foreach (var r in Resources(root))
        {
            string id = r.GetProperty("id").GetString()!;
            defined.Add(id);
            types.Add(r.GetProperty("type").GetString()!.Split('/')[1]);
            if (r.TryGetProperty("properties", out var props)) Walk(props, defined, references);
        }
        foreach (var result in root.GetProperty("results").EnumerateArray()) references.Add(result.GetProperty("scope").GetString()!);
        foreach (string reference in references)
        {
            var m = ProviderType.Match(reference);
            if (!m.Success || !m.Groups[1].Value.Equals("Microsoft.Network", StringComparison.OrdinalIgnoreCase) || !types.Contains(m.Groups[2].Value)) continue;
            if (!defined.Contains(reference)) yield return reference;
        }
    }

    private static void Walk(JsonElement e, HashSet<string> defined, List<string> references)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                if (e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    if (e.TryGetProperty("name", out _)) defined.Add(id.GetString()!);
                    else references.Add(id.GetString()!);
                }
                foreach (var p in e.EnumerateObject())
                {
                    if (ReferenceKeys.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase))
                        references.Add(p.Value.GetString()!);
                    Walk(p.Value, defined, references);
                }
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray()) Walk(x, defined, references);
                break;
        }
    }

    public static List<JsonElement> VirtualNetworks(JsonElement root) =>
        Resources(root).Where(r => r.GetProperty("type").GetString()!.Equals("Microsoft.Network/virtualNetworks", StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Connected peerings whose remote VNet is missing or has no Connected peering back.</summary>
    public static IEnumerable<string> OneSidedConnectedPeerings(JsonElement root)
    {
        var byId = VirtualNetworks(root).ToDictionary(v => v.GetProperty("id").GetString()!, StringComparer.OrdinalIgnoreCase);
        foreach (var vnet in byId.Values)
        {
            string localId = vnet.GetProperty("id").GetString()!;
            foreach (var peering in Peerings(vnet))
            {
                var props = peering.GetProperty("properties");
                if (props.GetProperty("peeringState").GetString() != "Connected") continue;
                string remoteId = props.GetProperty("remoteVirtualNetwork").GetProperty("id").GetString()!;
                bool back = byId.TryGetValue(remoteId, out var remote) && Peerings(remote).Any(q =>
                    q.GetProperty("properties").GetProperty("peeringState").GetString() == "Connected" &&
                    string.Equals(q.GetProperty("properties").GetProperty("remoteVirtualNetwork").GetProperty("id").GetString(), localId, StringComparison.OrdinalIgnoreCase));
                if (!back) yield return peering.GetProperty("id").GetString()!;
            }
        }
    }

    public static IEnumerable<JsonElement> Peerings(JsonElement vnet) =>
        vnet.GetProperty("properties").TryGetProperty("virtualNetworkPeerings", out var p) ? p.EnumerateArray() : Enumerable.Empty<JsonElement>();

    public static IEnumerable<JsonElement> Subnets(JsonElement vnet) =>
        vnet.GetProperty("properties").TryGetProperty("subnets", out var s) ? s.EnumerateArray() : Enumerable.Empty<JsonElement>();

    /// <summary>Pairs of VNet address-space prefixes (from different VNets or the same one) that overlap.</summary>
    public static IEnumerable<string> OverlappingAddressSpaces(JsonElement root)
    {
        var all = new List<(IpPrefix Prefix, string Vnet)>();
        foreach (var v in VirtualNetworks(root))
            foreach (var p in v.GetProperty("properties").GetProperty("addressSpace").GetProperty("addressPrefixes").EnumerateArray())
                all.Add((IpPrefix.Parse(p.GetString()!), v.GetProperty("name").GetString()!));
        all.Sort((a, b) => a.Prefix.CompareTo(b.Prefix));
        // Prefixes are aligned blocks: two overlap only if one contains the other. Sorted by network address, a prefix
        // overlaps an earlier one exactly when it overlaps the earlier prefix that reaches furthest ("cover").
        (IpPrefix Prefix, string Vnet)? cover = null;
        foreach (var item in all)
        {
            if (cover is { } c && c.Prefix.Overlaps(item.Prefix))
            {
                yield return $"{c.Vnet} {c.Prefix} / {item.Vnet} {item.Prefix}";
                if (item.Prefix.Contains(c.Prefix)) cover = item;
                continue;
            }
            cover = item;
        }
    }
}
