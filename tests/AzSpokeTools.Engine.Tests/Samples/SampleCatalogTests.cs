using System.Text.Json;
using AzSpokeTools.Engine.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Samples;

public class SampleCatalogTests
{
    /// <summary>The sample names are part of the product (README, docs, acceptance checks use them).</summary>
    public static readonly string[] ProductSampleNames =
    {
        "avnm-hub-spoke", "avnm-mesh", "contoso-hairpin", "er-summary-hairpin", "hairpin-uncommitted-mesh", "hairpin-uncommitted-mesh-after-pilot",
        "hub-firewall", "peered-spokes", "route-server-interhub", "route-server-only", "routing-example", "secured-spokes", "split-nva", "summarized-prefixes",
        "two-region-hubs", "udr-override", "vpn-transit", "vpn-v2v-bgp", "vwan",
    };

    [Fact]
    public void CatalogListsExactlyTheProductSamplesSorted()
    {
        Assert.Equal(ProductSampleNames, SampleCatalog.Names);
    }

    [Fact]
    public void CatalogDoesNotEmbedExpectFiles()
    {
        Assert.DoesNotContain(SampleCatalog.Names, n => n.EndsWith(".expect", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("hub-firewall")]
    [InlineData("HUB-FIREWALL")]
    [InlineData(" hub-firewall ")]
    public void TryOpenFindsSampleCaseInsensitively(string name)
    {
        Assert.True(SampleCatalog.TryOpen(name, out Stream stream));
        using (stream)
        {
            using var doc = JsonDocument.Parse(stream);
            Assert.Equal("sample", doc.RootElement.GetProperty("source").GetString());
        }
    }

    [Theory]
    [InlineData("no-such-sample")]
    [InlineData("")]
    [InlineData("hub-firewall.expect")]
    [InlineData("samples/hub-firewall")]
    public void TryOpenRejectsUnknownNames(string name)
    {
        Assert.False(SampleCatalog.TryOpen(name, out _));
    }

    [Theory]
    [InlineData("sample:hub-firewall", true, "hub-firewall")]
    [InlineData("SAMPLE:vwan", true, "vwan")]
    [InlineData("sample:", true, "")]
    [InlineData("hub-firewall", false, "")]
    [InlineData("./sample:x.json", false, "")]
    [InlineData("/tmp/sample.json", false, "")]
    public void RecognisesSampleReferences(string path, bool expected, string expectedName)
    {
        Assert.Equal(expected, SampleCatalog.IsSampleReference(path, out string name));
        Assert.Equal(expectedName, name);
    }
}
