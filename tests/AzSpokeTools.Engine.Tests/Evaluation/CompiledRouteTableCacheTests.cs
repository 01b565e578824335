using AzSpokeTools.Engine.Evaluation;
using Xunit;
using static AzSpokeTools.Engine.Tests.Evaluation.CompiledRouteTableTests;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Tests.Evaluation;

public class CompiledRouteTableCacheTests
{
    private static EffectiveRoute[] SpokeTable(string firewallIp = "10.0.1.4", string? udrName = "to-firewall") => new[]
    {
        Route("10.1.0.0/16"),
        Route("10.0.0.0/16", NextHopType.VNetPeering),
        Route("0.0.0.0/0", NextHopType.Internet, RouteState.Invalid),
        Route("0.0.0.0/0", NextHopType.VirtualAppliance, source: RouteSource.User, nextHopIp: firewallIp, name: udrName),
    };

    [Fact]
    public void ListsWithIdenticalContentShareOneCompiledInstance()
    {
        var cache = new CompiledRouteTableCache();
        var first = cache.GetOrCompile(SpokeTable());
        var second = cache.GetOrCompile(SpokeTable());
        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void RouteNamesDoNotPreventSharing()
    {
        var cache = new CompiledRouteTableCache();
        Assert.Same(cache.GetOrCompile(SpokeTable(udrName: "a")), cache.GetOrCompile(SpokeTable(udrName: "b")));
    }

    [Fact]
    public void DifferentNextHopIpGivesADifferentInstance()
    {
        var cache = new CompiledRouteTableCache();
        Assert.NotSame(cache.GetOrCompile(SpokeTable("10.0.1.4")), cache.GetOrCompile(SpokeTable("10.0.1.5")));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void SameRoutesInAnotherOrderGiveADifferentInstance()
    {
        var cache = new CompiledRouteTableCache();
        var routes = SpokeTable();
        var reordered = new[] { routes[1], routes[0], routes[2], routes[3] };
        var a = cache.GetOrCompile(routes);
        var b = cache.GetOrCompile(reordered);
        Assert.NotSame(a, b);
        Assert.Equal(new[] { 0 }, a.GetWinners(a.Lookup(Addresses.IpAddressValue.Parse("10.1.0.1"))));
        Assert.Equal(new[] { 1 }, b.GetWinners(b.Lookup(Addresses.IpAddressValue.Parse("10.1.0.1"))));
    }

    [Fact]
    public void RouteStateIsPartOfTheContent()
    {
        var cache = new CompiledRouteTableCache();
        var routes = SpokeTable();
        var allActive = SpokeTable();
        allActive[2].State = RouteState.Active;
        Assert.NotSame(cache.GetOrCompile(routes), cache.GetOrCompile(allActive));
    }

    [Fact]
    public void ContentOfInvalidRoutesDoesNotPreventSharing()
    {
        var cache = new CompiledRouteTableCache();
        var other = SpokeTable();
        other[2] = Route("0.0.0.0/0", NextHopType.None, RouteState.Invalid);
        Assert.Same(cache.GetOrCompile(SpokeTable()), cache.GetOrCompile(other));
    }

    [Fact]
    public void ServiceTagsAndNextHopTypeAndSourceArePartOfTheContent()
    {
        var cache = new CompiledRouteTableCache();
        var baseline = cache.GetOrCompile(new[] { Route("10.0.0.0/8", NextHopType.VirtualAppliance, source: RouteSource.User) });
        Assert.NotSame(baseline, cache.GetOrCompile(new[] { Route("10.0.0.0/8", NextHopType.None, source: RouteSource.User) }));
        Assert.NotSame(baseline, cache.GetOrCompile(new[] { Route("10.0.0.0/8", NextHopType.VirtualAppliance, source: RouteSource.VirtualNetworkGateway) }));
        Assert.NotSame(baseline, cache.GetOrCompile(new[] { Route("10.0.0.0/8,AzureCloud", NextHopType.VirtualAppliance, source: RouteSource.User) }));
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public void ConcurrentCallersGetTheSameInstance()
    {
        var cache = new CompiledRouteTableCache();
        var tables = new CompiledRouteTable[64];
        Parallel.For(0, tables.Length, i => tables[i] = cache.GetOrCompile(SpokeTable()));
        Assert.All(tables, t => Assert.Same(tables[0], t));
        Assert.Equal(1, cache.Count);
    }
}
