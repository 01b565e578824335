using System.Text;
using AzSpokeTools.Engine.Addresses;
using FsCheck;
using FsCheck.Fluent;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Tests.Evaluation;

/// <summary>A random route table and the destinations to look up in it.</summary>
public sealed record RouteTableCase(IReadOnlyList<EffectiveRoute> Routes, IReadOnlyList<IpAddressValue> Destinations)
{
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{Routes.Count} routes:");
        for (int i = 0; i < Routes.Count; i++) sb.AppendLine($"  [{i}] {Routes[i]}");
        sb.AppendLine("destinations: " + string.Join(" ", Destinations));
        return sb.ToString();
    }
}

/// <summary>
/// Generators for route tables where collisions are the rule: every case draws its prefixes from a small pool
/// built from a few anchor addresses and boundary lengths (/0, /1, /31, /32, /127, /128 ...), so nested, equal and
/// adjacent prefixes are frequent; destinations sit on prefix boundaries (first, last, one before, one after)
/// as well as inside and outside.
/// </summary>
internal static class RouteTableCases
{
    private static readonly uint[] V4Anchors =
    {
        0x00000000, 0x0A000000, 0x0A000001, 0x0A00FFFF, 0x0A010000, 0x0AFFFFFF, 0x7FFFFFFF, 0x80000000,
        0xC0A80100, 0xC0A801FF, 0xFFFFFFFE, 0xFFFFFFFF,
    };

    private static readonly (ulong Hi, ulong Lo)[] V6Anchors =
    {
        (0, 0), (0, 1), (0xFD00_0000_0000_0000, 0), (0xFD00_0000_0000_0000, 0xFFFF), (0xFD00_0000_0000_0001, 0),
        (0x7FFF_FFFF_FFFF_FFFF, ulong.MaxValue), (0x8000_0000_0000_0000, 0), (ulong.MaxValue, ulong.MaxValue - 1),
        (ulong.MaxValue, ulong.MaxValue),
    };

    private static readonly int[] V4Lengths = { 0, 1, 7, 8, 9, 15, 16, 17, 24, 25, 30, 31, 32 };
    private static readonly int[] V6Lengths = { 0, 1, 32, 48, 63, 64, 65, 96, 126, 127, 128 };
    private static readonly string[] Tags = { "AzureCloud", "Storage.WestEurope", "Sql" };
    private static readonly string[] HopIps = { "10.0.1.4", "10.0.1.5", "fd00::4" };

    private static readonly Gen<uint> AnyUInt =
        from hi in Gen.Choose(0, 0xFFFF)
        from lo in Gen.Choose(0, 0xFFFF)
        select ((uint)hi << 16) | (uint)lo;

    private static readonly Gen<ulong> AnyULong =
        from hi in AnyUInt
        from lo in AnyUInt
        select ((ulong)hi << 32) | lo;

    private static readonly Gen<IpAddressValue> AnyV4 = AnyUInt.Select(IpAddressValue.FromV4);

    private static readonly Gen<IpAddressValue> AnyV6 =
        from hi in Gen.Frequency((3, AnyULong), (1, Gen.Constant(0xFD00_0000_0000_0000UL)))
        from lo in AnyULong
        select new IpAddressValue(hi, lo, true);

    private static readonly Gen<IpAddressValue> V4Base =
        Gen.Frequency((4, Gen.Elements(V4Anchors).Select(IpAddressValue.FromV4)), (1, AnyV4));

    private static readonly Gen<IpAddressValue> V6Base =
        Gen.Frequency((4, Gen.Elements(V6Anchors).Select(a => new IpAddressValue(a.Hi, a.Lo, true))), (1, AnyV6));

    private static readonly Gen<IpPrefix> V4Prefix =
        from b in V4Base from len in Gen.Elements(V4Lengths) select new IpPrefix(b, len);

    private static readonly Gen<IpPrefix> V6Prefix =
        from b in V6Base from len in Gen.Elements(V6Lengths) select new IpPrefix(b, len);

    /// <summary>A table of 0-64 routes over a pool of 1-12 prefixes, with 16-32 destinations.</summary>
    public static readonly Gen<RouteTableCase> Case =
        from v6Share in Gen.Elements(0, 0, 1, 2) // 0: IPv4 only; 1: mixed; 2: mostly IPv6
        from poolSize in Gen.Choose(1, 12)
        from pool in Gen.ArrayOf(PrefixOf(v6Share), poolSize)
        from routeCount in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(1, 3)), (6, Gen.Choose(1, 64)))
        from routes in Gen.ArrayOf(Route(pool), routeCount)
        from destinationCount in Gen.Choose(16, 32)
        from destinations in Gen.ArrayOf(Destination(pool), destinationCount)
        select new RouteTableCase(routes, destinations);

    private static Gen<IpPrefix> PrefixOf(int v6Share) => v6Share switch
    {
        0 => V4Prefix,
        1 => Gen.OneOf(V4Prefix, V6Prefix),
        _ => Gen.Frequency((1, V4Prefix), (4, V6Prefix)),
    };

    private static Gen<EffectiveRoute> Route(IpPrefix[] pool) =>
        from prefixCount in Gen.Frequency((8, Gen.Constant(1)), (2, Gen.Choose(2, 3)))
        from prefixes in Gen.ArrayOf(Gen.Frequency(
            (12, Gen.Elements(pool).Select(p => p.ToString())),
            (1, Gen.Elements(Tags))), prefixCount)
        from source in Gen.Elements(RouteSource.Default, RouteSource.User, RouteSource.VirtualNetworkGateway)
        from hop in Gen.Elements(Enum.GetValues<NextHopType>())
        from hopIps in Gen.Frequency((3, Gen.Constant(Array.Empty<string>())), (2, Gen.ArrayOf(Gen.Elements(HopIps), 1)), (1, Gen.ArrayOf(Gen.Elements(HopIps), 2)))
        from invalid in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select MakeRoute(prefixes, source, hop, hopIps, invalid);

    private static EffectiveRoute MakeRoute(string[] prefixes, RouteSource source, NextHopType hop, string[] hopIps, bool invalid)
    {
        var route = new EffectiveRoute(null, source, prefixes, hop, hopIps);
        if (invalid) route.State = RouteState.Invalid;
        return route;
    }

    private static Gen<IpAddressValue> Destination(IpPrefix[] pool) =>
        Gen.Frequency(
            (2, Gen.Elements(pool).Select(p => p.First)),
            (2, Gen.Elements(pool).Select(p => p.Last)),
            (2, Gen.Elements(pool).Select(p => OneBefore(p.First))),
            (2, Gen.Elements(pool).Select(p => p.Last.Add(1))), // one after (wraps at the family's last address)
            (2, from p in Gen.Elements(pool) from offset in AnyULong select Inside(p, offset)),
            (1, AnyV4),
            (1, AnyV6));

    /// <summary>The address before <paramref name="a"/>, wrapping to the family's last address.</summary>
    private static IpAddressValue OneBefore(IpAddressValue a) =>
        a.IsV6 ? new IpAddressValue(a.Low == 0 ? a.High - 1 : a.High, a.Low - 1, true) : IpAddressValue.FromV4(a.V4 - 1);

    /// <summary>An address inside <paramref name="prefix"/> whose host bits come from <paramref name="random"/>.</summary>
    private static IpAddressValue Inside(IpPrefix prefix, ulong random)
    {
        var last = prefix.Last;
        var first = prefix.First;
        // Host bits are last XOR first; keep those of `random` (the high 64 host bits of IPv6 come from the low bits too).
        ulong hostHigh = last.High ^ first.High, hostLow = last.Low ^ first.Low;
        ulong rHigh = (random << 17) | (random >> 47);
        return new IpAddressValue(first.High | (rHigh & hostHigh), first.Low | (random & hostLow), first.IsV6);
    }
}
