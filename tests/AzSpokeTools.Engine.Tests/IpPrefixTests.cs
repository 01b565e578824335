using AzSpokeTools.Engine.Addresses;
using Xunit;

namespace AzSpokeTools.Engine.Tests;

public class IpPrefixTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.255.1.2", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0", false)]
    [InlineData("0.0.0.0/0", "192.168.1.1", true)]
    [InlineData("fd00::/8", "fd12:3456::1", true)]
    [InlineData("fd00::/8", "fe80::1", false)]
    [InlineData("10.0.0.0/8", "::a00:1", false)]
    public void ContainsAddressByFamilyAndMask(string prefix, string address, bool expected)
    {
        Assert.Equal(expected, IpPrefix.Parse(prefix).Contains(IpAddressValue.Parse(address)));
    }

    [Theory]
    [InlineData("10.0.0.5/16")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/24")]
    [InlineData("300.0.0.0/8")]
    [InlineData("AzureCloud")]
    [InlineData("fd00::1/8")]
    public void RejectsNonNetworkOrInvalidPrefixes(string text)
    {
        Assert.False(IpPrefix.TryParse(text, out _));
        Assert.NotNull(IpPrefix.Describe(text));
    }

    [Fact]
    public void HostBitsAreExplainedWithTheNetworkForm()
    {
        Assert.Contains("10.0.0.0/16", IpPrefix.Describe("10.0.0.5/16"));
    }

    [Fact]
    public void OverlapAndContainment()
    {
        var a = IpPrefix.Parse("10.1.0.0/16");
        var b = IpPrefix.Parse("10.1.2.0/24");
        var c = IpPrefix.Parse("10.2.0.0/16");
        Assert.True(a.Contains(b));
        Assert.False(b.Contains(a));
        Assert.True(a.Overlaps(b) && b.Overlaps(a));
        Assert.False(a.Overlaps(c));
        Assert.Equal("10.1.255.255", a.Last.ToString());
        Assert.Equal("fd00:ff:ffff:ffff:ffff:ffff:ffff:ffff", IpPrefix.Parse("fd00::/24").Last.ToString());
    }

    [Fact]
    public void OrdersV4BeforeV6ThenByNetworkThenShorterFirst()
    {
        var list = new[] { "fd00::/8", "10.1.0.0/24", "10.1.0.0/16", "9.0.0.0/8" }.Select(IpPrefix.Parse).ToList();
        list.Sort();
        Assert.Equal(new[] { "9.0.0.0/8", "10.1.0.0/16", "10.1.0.0/24", "fd00::/8" }, list.Select(p => p.ToString()));
    }
}
