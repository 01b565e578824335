using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Azure.Transport;
using Azure.Core;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

public class SecretScrubberTests
{
    [Fact]
    public void Secret_names_are_removed_at_any_depth_and_other_properties_kept()
    {
        var node = JsonNode.Parse("""
            {"id":"/x","properties":{"sharedKey":"a","connectionType":"IPsec","vpnSiteLinks":[{"properties":{"linkSpeedInMbps":100,"ipsecSharedKey":"b"}}],
             "adminPassword":"c","radiusServerSecret":"d","authorizations":[{"properties":{"authorizationKey":"e","authorizationUseStatus":"Available"}}],
             "serviceKey":"f","secrets":{"x":1}}}
            """);
        var removed = SecretScrubber.Scrub(node);
        Assert.Equal(7, removed);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"id":"/x","properties":{"connectionType":"IPsec","vpnSiteLinks":[{"properties":{"linkSpeedInMbps":100}}],
             "authorizations":[{"properties":{"authorizationUseStatus":"Available"}}]}}
            """), node));
    }
}
