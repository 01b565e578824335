using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Evaluation;
using Xunit;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Tests.Evaluation;

public class CompiledRouteTableTests
{
    internal static EffectiveRoute Route(string prefixes, NextHopType hop = NextHopType.VnetLocal, RouteState state = RouteState.Active,
        RouteSource source = RouteSource.Default, string? nextHopIp = null, string? name = null)
    {
        var route = new EffectiveRoute(name, source, prefixes.Split(','), hop, nextHopIp == null ? null : new[] { nextHopIp });
        route.State = state;
        return route;
    }

    /// <summary>Compiled winners for <paramref name="address"/>, after checking that they equal the scalar reference's.</summary>
    private static int[] Winners(IReadOnlyList<EffectiveRoute> routes, string address)
    {
        var d = IpAddressValue.Parse(address);
        var table = CompiledRouteTable.Compile(routes);
        var compiled = table.GetWinners(table.Lookup(d)).ToArray();
        Assert.Equal(ScalarRouteLookup.Lookup(routes, d), compiled);
        return compiled;
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void EmptyTableHasNoRouteForAnyAddress(string address)
    {
        var table = CompiledRouteTable.Compile(Array.Empty<EffectiveRoute>());
        Assert.Equal(CompiledRouteTable.NoRoute, table.Lookup(IpAddressValue.Parse(address)));
        Assert.Empty(table.GetWinners(CompiledRouteTable.NoRoute));
        Assert.Equal(0, table.WinnerSetCount);
    }

    [Theory]
    [InlineData("0.0.0.0", new[] { 0 })]
    [InlineData("127.255.255.255", new[] { 0 })]
    [InlineData("128.0.0.0", new[] { 0 })]
    [InlineData("255.255.255.255", new[] { 0 })]
    [InlineData("::", new int[0])]
    [InlineData("::ffff:10.0.0.1", new int[0])]
    public void DefaultRouteOnlyCoversItsOwnFamily(string address, int[] expected)
    {
        var routes = new[] { Route("0.0.0.0/0", NextHopType.Internet) };
        Assert.Equal(expected, Winners(routes, address));
    }

    [Theory]
    [InlineData("10.0.0.0", new[] { 0 })]
    [InlineData("10.0.0.127", new[] { 0 })]
    [InlineData("10.0.0.128", new[] { 1 })]
    [InlineData("10.0.0.255", new[] { 1 })]
    [InlineData("10.0.1.0", new int[0])]
    [InlineData("9.255.255.255", new int[0])]
    public void AdjacentPrefixesSplitAtTheirBoundary(string address, int[] expected)
    {
        var routes = new[] { Route("10.0.0.0/25"), Route("10.0.0.128/25", NextHopType.VNetPeering) };
        Assert.Equal(expected, Winners(routes, address));
    }

    [Theory]
    [InlineData("255.255.255.255", new[] { 1 })]
    [InlineData("255.255.255.254", new[] { 0 })]
    [InlineData("0.0.0.0", new[] { 2 })]
    [InlineData("0.0.0.1", new[] { 0 })]
    public void HostRoutesAtBothEndsOfIpv4(string address, int[] expected)
    {
        var routes = new[] { Route("0.0.0.0/0", NextHopType.Internet), Route("255.255.255.255/32", NextHopType.None), Route("0.0.0.0/32", NextHopType.None) };
        Assert.Equal(expected, Winners(routes, address));
    }

    [Theory]
    [InlineData("::", new[] { 1 })]
    [InlineData("::1", new[] { 0 })]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", new[] { 2 })]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", new[] { 0 })]
    [InlineData("ffff:ffff:ffff:ffff::", new[] { 0 })]
    [InlineData("0.0.0.0", new int[0])]
    public void HostRoutesAtBothEndsOfIpv6(string address, int[] expected)
    {
        var routes = new[] { Route("::/0", NextHopType.Internet), Route("::/128", NextHopType.None), Route("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", NextHopType.None) };
        Assert.Equal(expected, Winners(routes, address));
    }

    [Fact]
    public void SixtyFourBitBoundaryOfIpv6IsSplitExactly()
    {
        var routes = new[] { Route("fd00::/64"), Route("fd00:0:0:1::/64", NextHopType.VNetPeering), Route("fd00::/48", NextHopType.None) };
        Assert.Equal(new[] { 0 }, Winners(routes, "fd00::ffff:ffff:ffff:ffff"));
        Assert.Equal(new[] { 1 }, Winners(routes, "fd00:0:0:1::"));
        Assert.Equal(new[] { 2 }, Winners(routes, "fd00:0:0:2::"));
        Assert.Equal(new int[0], Winners(routes, "fd00:1::"));
    }

    [Fact]
    public void EqualPrefixesAreEqualCostAlternativesInTableOrder()
    {
        var routes = new[]
        {
            Route("10.2.0.0/16", NextHopType.VirtualAppliance, nextHopIp: "10.0.1.4", source: RouteSource.User),
            Route("10.0.0.0/8", NextHopType.None),
            Route("10.2.0.0/16", NextHopType.VirtualAppliance, nextHopIp: "10.0.1.5", source: RouteSource.User),
        };
        Assert.Equal(new[] { 0, 2 }, Winners(routes, "10.2.3.4"));
        Assert.Equal(new[] { 1 }, Winners(routes, "10.3.0.0"));
    }

    [Fact]
    public void InvalidRoutesNeverWinEvenWhenLonger()
    {
        var routes = new[] { Route("10.2.0.0/16", NextHopType.VNetPeering, RouteState.Invalid), Route("10.0.0.0/8", NextHopType.VirtualAppliance, source: RouteSource.User) };
        Assert.Equal(new[] { 1 }, Winners(routes, "10.2.0.1"));
    }

    [Fact]
    public void ServiceTagRoutesNeverMatchButAreListed()
    {
        var routes = new[] { Route("AzureCloud", NextHopType.Internet, source: RouteSource.User), Route("0.0.0.0/0", NextHopType.VirtualAppliance, source: RouteSource.User), Route("Sql,10.9.0.0/16", NextHopType.None, RouteState.Invalid) };
        var table = CompiledRouteTable.Compile(routes);
        Assert.Equal(new[] { 1 }, Winners(routes, "20.38.1.1"));
        Assert.Equal(new[] { 0 }, table.UnresolvedRouteIndices); // the Invalid tag route is not listed
    }

    [Fact]
    public void RouteWithSeveralPrefixesMatchesWithItsLongestAndIsListedOnce()
    {
        var routes = new[] { Route("10.0.0.0/8,10.1.0.0/16,10.1.0.0/16"), Route("10.1.0.0/16", NextHopType.VNetPeering), Route("10.1.2.0/24", NextHopType.None, RouteState.Invalid) };
        Assert.Equal(new[] { 0, 1 }, Winners(routes, "10.1.2.3"));
        Assert.Equal(new[] { 0 }, Winners(routes, "10.2.0.0"));
    }

    [Fact]
    public void BatchOverloadsAgreeWithSingleLookupsForMixedFamiliesAndOddLengths()
    {
        var routes = new[] { Route("10.0.0.0/8"), Route("10.1.0.0/16", NextHopType.VNetPeering), Route("fd00::/8", NextHopType.VNetPeering), Route("0.0.0.0/0", NextHopType.Internet) };
        var table = CompiledRouteTable.Compile(routes);
        var destinations = new[] { "10.1.0.1", "fd00::1", "11.0.0.0", "10.2.0.0", "fe80::1", "10.1.255.255", "1.1.1.1" }.Select(IpAddressValue.Parse).ToArray();
        var results = new int[destinations.Length];
        table.LookupBatch(destinations, results);
        Assert.Equal(destinations.Select(table.Lookup), results);

        var v4 = destinations.Where(d => !d.IsV6).Select(d => d.V4).ToArray();
        var v4Results = new int[v4.Length];
        table.LookupBatch(v4, v4Results);
        Assert.Equal(v4.Select(table.Lookup), v4Results);
        Assert.Equal(new[] { 1 }, table.GetWinners(v4Results[0]));
        Assert.Equal(CompiledRouteTable.NoRoute, results[4]);
    }

    [Fact]
    public void BadArgumentsAreRejectedWithTheirNames()
    {
        var table = CompiledRouteTable.Compile(new[] { Route("10.0.0.0/8") });
        Assert.Equal("setId", Assert.Throws<ArgumentOutOfRangeException>(() => table.GetWinners(5)).ParamName);
        Assert.Equal("results", Assert.Throws<ArgumentException>(() => table.LookupBatch(new uint[3], new int[2])).ParamName);
        Assert.Equal("routes", Assert.Throws<ArgumentNullException>(() => CompiledRouteTable.Compile(null!)).ParamName);
        Assert.Contains("routes[1]", Assert.Throws<ArgumentException>(() => CompiledRouteTable.Compile(new[] { Route("10.0.0.0/8"), null! })).Message);
    }

    [Fact]
    public void IdenticalWinnerListsShareOneSetAndAdjacentEqualIntervalsMerge()
    {
        // 10.0.0.0/9 and 10.128.0.0/9 both belong only to route 0: one set, and the two halves merge into one interval.
        var routes = new[] { Route("10.0.0.0/9,10.128.0.0/9"), Route("0.0.0.0/0", NextHopType.Internet) };
        var table = CompiledRouteTable.Compile(routes);
        Assert.Equal(2, table.WinnerSetCount);
        Assert.Equal(3, table.V4IntervalCount); // [0, 10.0.0.0) -> 1, [10/8] -> 0, [11.0.0.0, end] -> 1
    }
}
