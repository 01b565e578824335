using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Azure.Transport;
using Azure.Core;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

public class AzureCloudTests
{
    [Theory]
    [InlineData(null, "https://management.azure.com", "https://management.azure.com/.default")]
    [InlineData("AzureCloud", "https://management.azure.com", "https://management.azure.com/.default")]
    [InlineData("azureusgovernment", "https://management.usgovcloudapi.net", "https://management.usgovcloudapi.net/.default")]
    [InlineData("AzureChinaCloud", "https://management.chinacloudapi.cn", "https://management.chinacloudapi.cn/.default")]
    public void Known_environments_resolve_to_their_ARM_endpoint_and_token_scope(string? environment, string arm, string scope)
    {
        var cloud = AzureCloud.Resolve(environment, null);
        Assert.Equal(arm, cloud.ResourceManagerEndpoint.AbsoluteUri.TrimEnd('/'));
        Assert.Equal(scope, cloud.TokenScope);
    }

    [Fact]
    public void An_explicit_ARM_endpoint_replaces_the_environment_endpoint_and_scope()
    {
        var cloud = AzureCloud.Resolve("AzureUSGovernment", new Uri("https://arm.contoso.local:8443/"));
        Assert.Equal("https://arm.contoso.local:8443/.default", cloud.TokenScope);
        Assert.Equal(AzureCloud.AzureUSGovernment.AuthorityHost, cloud.AuthorityHost);
    }

    [Theory]
    [InlineData("Mars", null)]
    [InlineData(null, "http://127.0.0.1:8080")]
    [InlineData(null, "https://arm.example/?x=1")]
    public void Unknown_environments_and_non_https_endpoints_are_rejected(string? environment, string? endpoint)
    {
        Assert.Throws<ArgumentException>(() => AzureCloud.Resolve(environment, endpoint == null ? null : new Uri(endpoint)));
    }

    [Fact]
    public void Identity_prefers_the_explicit_token_then_the_host_credential()
    {
        var hostCredential = new StaticTokenCredential("from-host");
        var cloud = AzureCloud.AzureCloudPublic;
        var explicitToken = new ExportOptions { AccessToken = "explicit", Credential = hostCredential }.ResolveCredential(cloud);
        Assert.Equal("explicit", explicitToken.GetToken(new TokenRequestContext(new[] { cloud.TokenScope }), default).Token);
        Assert.Same(hostCredential, new ExportOptions { Credential = hostCredential }.ResolveCredential(cloud));
        Assert.IsType<global::Azure.Identity.DefaultAzureCredential>(new ExportOptions().ResolveCredential(cloud));
        Assert.DoesNotContain("explicit", explicitToken.ToString());
    }

    [Theory]
    [InlineData("not-a-guid", null, null)]
    [InlineData(null, "mg/with/slash", null)]
    [InlineData(null, null, "/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v")]
    public void Bad_options_are_rejected_before_anything_is_sent(string? subscription, string? managementGroup, string? nic)
    {
        var options = new ExportOptions { ManagementGroupId = managementGroup };
        if (subscription != null) options.SubscriptionIds.Add(subscription);
        if (nic != null) options.EffectiveRouteNetworkInterfaceIds.Add(nic);
        Assert.Throws<ArgumentException>(() => options.Validate());
    }
}
