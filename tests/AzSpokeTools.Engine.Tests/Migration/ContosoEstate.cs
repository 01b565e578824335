using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Engine.Tests.Migration;

/// <summary>
/// The Contoso case at scale: two hubs with ExpressRoute gateways on one shared circuit, hundreds of spokes that reach
/// each other through the MSEE hairpin, some behind the hub firewall (0.0.0.0/0 and 10.0.0.0/8 UDRs), a few private
/// endpoints, dev and prod environment tags, no mesh yet.
/// </summary>
internal static class ContosoEstate
{
    private static readonly Dictionary<int, Topology> Cache = new();

    public static Topology Load(int spokes)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(spokes, out var t)) return t;
            using var ms = new MemoryStream();
            SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = spokes, Hubs = 2, MeshShare = 0, EnvironmentTags = true, Seed = 7 }, ms);
            ms.Position = 0;
            return Cache[spokes] = SnapshotLoader.Load(ms, $"contoso-{spokes}.json");
        }
    }

    public static bool Tagged(VirtualNetwork v, string key, string value) =>
        v.Tags.TryGetValue(key, out var x) && string.Equals(x, value, StringComparison.OrdinalIgnoreCase);
}
