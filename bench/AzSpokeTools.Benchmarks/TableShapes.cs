using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Benchmarks;

/// <summary>The route table shapes measured.</summary>
public enum TableShape
{
    /// <summary>A spoke subnet: own VNet, hub peering, gateway routes, default None routes, forced tunnel to a firewall (~15 routes).</summary>
    Spoke,
    /// <summary>A hub subnet peered with 5,000 spokes.</summary>
    Hub5000,
    /// <summary>A member of an AVNM mesh with 250 other members (ConnectedGroup routes).</summary>
    Mesh250,
    /// <summary>A spoke learning the 9,990 prefixes of the corpus's 10K-routes.txt over BGP (VirtualNetworkGateway routes).</summary>
    Corpus10K,
}

/// <summary>Builds the route tables and destination sets the benchmarks run on.</summary>
internal static class TableShapes
{
    private static EffectiveRoute R(RouteSource source, string prefix, NextHopType hop, string? hopIp = null, RouteState state = RouteState.Active)
    {
        var route = new EffectiveRoute(null, source, new[] { prefix }, hop, hopIp == null ? null : new[] { hopIp });
        route.State = state;
        return route;
    }

    private static string P(int a, int b, int c, int d, int len) => $"{a}.{b}.{c}.{d}/{len}";

    /// <summary>The default None routes every subnet gets (docs/routing-model.md#default-routes).</summary>
    private static IEnumerable<EffectiveRoute> DefaultNoneRoutes(bool tenSlashEightShadowed = false) => new[]
    {
        R(RouteSource.Default, "10.0.0.0/8", NextHopType.None, state: tenSlashEightShadowed ? RouteState.Invalid : RouteState.Active),
        R(RouteSource.Default, "172.16.0.0/12", NextHopType.None),
        R(RouteSource.Default, "192.168.0.0/16", NextHopType.None),
        R(RouteSource.Default, "100.64.0.0/10", NextHopType.None),
    };

    public static List<EffectiveRoute> Build(TableShape shape) => shape switch
    {
        TableShape.Spoke => Spoke(),
        TableShape.Hub5000 => Hub(5000),
        TableShape.Mesh250 => Mesh(250),
        TableShape.Corpus10K => Corpus(),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static List<EffectiveRoute> Spoke()
    {
        var routes = new List<EffectiveRoute>
        {
            R(RouteSource.Default, "10.1.0.0/16", NextHopType.VnetLocal),
            R(RouteSource.Default, "10.0.0.0/16", NextHopType.VNetPeering),
            R(RouteSource.VirtualNetworkGateway, "192.168.0.0/16", NextHopType.VirtualNetworkGateway, "10.0.0.4"),
            R(RouteSource.VirtualNetworkGateway, "172.16.0.0/16", NextHopType.VirtualNetworkGateway, "10.0.0.4"),
            R(RouteSource.VirtualNetworkGateway, "172.17.0.0/16", NextHopType.VirtualNetworkGateway, "10.0.0.5"),
            R(RouteSource.Default, "0.0.0.0/0", NextHopType.Internet, state: RouteState.Invalid),
        };
        routes.AddRange(DefaultNoneRoutes());
        routes[8].State = RouteState.Invalid; // 192.168.0.0/16 None loses the tie to the BGP route (docs/routing-model.md#route-selection)
        routes.Add(R(RouteSource.Default, "25.33.80.0/20", NextHopType.None));
        routes.Add(R(RouteSource.Default, "25.41.3.0/25", NextHopType.None));
        routes.Add(R(RouteSource.User, "0.0.0.0/0", NextHopType.VirtualAppliance, "10.0.2.4"));
        routes.Add(R(RouteSource.User, "10.2.0.0/16", NextHopType.VirtualAppliance, "10.0.2.4"));
        routes.Add(R(RouteSource.User, "10.3.0.0/16", NextHopType.VirtualAppliance, "10.0.2.4"));
        routes.Add(new EffectiveRoute(null, RouteSource.Default, new[] { "20.38.96.0/19", "20.60.0.0/16" }, NextHopType.VirtualNetworkServiceEndpoint));
        return routes;
    }

    private static List<EffectiveRoute> Hub(int spokes)
    {
        var routes = new List<EffectiveRoute> { R(RouteSource.Default, "10.0.0.0/16", NextHopType.VnetLocal) };
        for (int i = 0; i < spokes; i++)
        {
            // Spoke i owns a /22 in 10.1.0.0 onwards; every tenth spoke is in another region.
            int b = 1 + i / 64, c = (i % 64) * 4;
            routes.Add(R(RouteSource.Default, P(10, b, c, 0, 22), i % 10 == 9 ? NextHopType.VNetGlobalPeering : NextHopType.VNetPeering));
        }
        routes.Add(R(RouteSource.VirtualNetworkGateway, "192.168.0.0/16", NextHopType.VirtualNetworkGateway, "10.0.0.4"));
        routes.Add(R(RouteSource.Default, "0.0.0.0/0", NextHopType.Internet));
        routes.AddRange(DefaultNoneRoutes());
        routes[routes.Count - 2].State = RouteState.Invalid; // 192.168.0.0/16 None loses to BGP (docs/routing-model.md#route-selection)
        return routes;
    }

    private static List<EffectiveRoute> Mesh(int otherMembers)
    {
        var routes = new List<EffectiveRoute>
        {
            R(RouteSource.Default, "10.100.0.0/22", NextHopType.VnetLocal),
            R(RouteSource.Default, "10.0.0.0/16", NextHopType.VNetPeering),
        };
        for (int k = 1; k <= otherMembers; k++)
        {
            int offset = k * 4; // member k owns 10.100.0.0 + k * /22
            routes.Add(R(RouteSource.Default, P(10, 100 + offset / 256, offset % 256, 0, 22), NextHopType.ConnectedGroup));
        }
        routes.Add(R(RouteSource.Default, "0.0.0.0/0", NextHopType.Internet, state: RouteState.Invalid));
        routes.AddRange(DefaultNoneRoutes());
        routes.Add(R(RouteSource.User, "0.0.0.0/0", NextHopType.VirtualAppliance, "10.0.2.4"));
        return routes;
    }

    private static List<EffectiveRoute> Corpus()
    {
        var routes = new List<EffectiveRoute>
        {
            R(RouteSource.Default, "10.200.0.0/16", NextHopType.VnetLocal),
            R(RouteSource.Default, "10.0.0.0/16", NextHopType.VNetPeering),
            R(RouteSource.Default, "0.0.0.0/0", NextHopType.Internet, state: RouteState.Invalid), // the BGP 0/0 wins the tie (docs/routing-model.md#route-selection)
        };
        routes.AddRange(DefaultNoneRoutes(tenSlashEightShadowed: false));
        foreach (var prefix in CorpusRouteList.ReadNetworks(CorpusRouteList.TenThousandRoutes))
        {
            var route = R(RouteSource.VirtualNetworkGateway, prefix.ToString(), NextHopType.VirtualNetworkGateway, "10.0.0.164");
            // docs/routing-model.md#route-selection: peering system routes beat BGP routes for the same prefix.
            if (prefix.ToString() == "10.0.0.0/16") route.State = RouteState.Invalid;
            routes.Add(route);
        }
        return routes;
    }

    /// <summary>
    /// IPv4 destinations: 60% inside a random Active route's prefix, 20% anywhere in 10.0.0.0/8, 20% anywhere.
    /// Seeded, so every run measures the same set.
    /// </summary>
    public static uint[] Destinations(IReadOnlyList<EffectiveRoute> routes, int count, int seed = 42)
    {
        var random = new Random(seed);
        var prefixes = routes.Where(r => r.State == RouteState.Active).SelectMany(r => r.Prefixes).Where(p => !p.IsV6).ToArray();
        var result = new uint[count];
        for (int i = 0; i < count; i++)
        {
            uint any = (uint)random.NextInt64(0, 1L << 32);
            int kind = random.Next(10);
            if (kind < 6 && prefixes.Length > 0)
            {
                var p = prefixes[random.Next(prefixes.Length)];
                uint host = p.Length == 0 ? uint.MaxValue : p.Length >= 32 ? 0u : uint.MaxValue >> p.Length;
                result[i] = p.First.V4 | (any & host);
            }
            else if (kind < 8) result[i] = 0x0A000000u | (any & 0x00FFFFFFu);
            else result[i] = any;
        }
        return result;
    }
}
