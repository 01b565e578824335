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

public class TransportTests
{
    [Fact]
    public void Logged_URLs_keep_api_version_and_redact_every_other_query_value()
    {
        var url = new Uri("https://management.azure.com/operations/abc?api-version=2024-05-01&t=638&c=MIIB&s=sig&h=hash");
        Assert.Equal("https://management.azure.com/operations/abc?api-version=2024-05-01&t=***&c=***&s=***&h=***", RequestLogPolicy.RedactUrl(url));
    }

    [Theory]
    [InlineData("Retry-After", "7", 7000)]
    [InlineData("retry-after-ms", "250", 250)]
    [InlineData("x-ms-retry-after-ms", "40", 40)]
    public void Retry_after_headers_are_read_in_seconds_or_milliseconds(string header, string value, int expectedMs)
    {
        var response = new ArmResponse(202, null, name => string.Equals(name, header, StringComparison.OrdinalIgnoreCase) ? value : null);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), response.RetryAfter);
    }

    [Fact]
    public void ARM_error_bodies_become_code_and_message()
    {
        var body = JsonNode.Parse("""{"error":{"code":"AuthorizationFailed","message":"no"}}""");
        Assert.Equal("AuthorizationFailed: no (HTTP 403)", new ArmResponse(403, body, _ => null).ErrorMessage);
        Assert.Equal("HTTP 500", new ArmResponse(500, null, _ => null).ErrorMessage);
    }
}

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

public class HostCredentialTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_host_token_callback_is_used_when_no_explicit_token_is_given()
    {
        await using var h = await ExportHarness.StartAsync(AzSpokeTools.Azure.Tests.FakeArm.FakeEstate.Generate(30));
        var options = h.Options();
        options.AccessToken = null;
        var scopes = new List<string>();
        options.Credential = DelegatedTokenCredential.Create((context, _) =>
        {
            lock (scopes) scopes.AddRange(context.Scopes);
            return new AccessToken(h.Token, DateTimeOffset.UtcNow.AddMinutes(30));
        });

        await new TopologyExporter(options).ExportAsync(h.OutputPath);

        Assert.Empty(h.Server.Violations);
        Assert.Equal(h.Server.Endpoint.AbsoluteUri.TrimEnd('/') + "/.default", Assert.Single(scopes.Distinct()));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_host_token_provider_without_azure_types_gets_the_arm_scope_and_its_token_reaches_every_request()
    {
        await using var h = await ExportHarness.StartAsync(AzSpokeTools.Azure.Tests.FakeArm.FakeEstate.Generate(30));
        var options = h.Options();
        options.AccessToken = null;
        var scopes = new List<string>();
        options.HostToken = (scope, _) =>
        {
            lock (scopes) scopes.Add(scope);
            return new AzSpokeTools.Azure.Identity.HostAccessToken(h.Token, DateTimeOffset.UtcNow.AddMinutes(30));
        };

        await new TopologyExporter(options).ExportAsync(h.OutputPath);

        Assert.Empty(h.Server.Violations);
        Assert.NotEmpty(h.Server.Requests);
        Assert.Equal(h.Server.Endpoint.AbsoluteUri.TrimEnd('/') + "/.default", Assert.Single(scopes.Distinct()));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_host_token_provider_that_refuses_is_an_authentication_failure_and_no_file()
    {
        await using var h = await ExportHarness.StartAsync(AzSpokeTools.Azure.Tests.FakeArm.FakeEstate.Generate(30));
        var options = h.Options();
        options.AccessToken = null;
        options.HostToken = (_, _) => throw new InvalidOperationException("Run Connect-AzAccount to login.");

        var e = await Assert.ThrowsAsync<AzureExportException>(() => new TopologyExporter(options).ExportAsync(h.OutputPath));

        Assert.Equal(401, e.Status);
        Assert.Contains("Run Connect-AzAccount to login.", e.Message);
        Assert.Empty(h.Server.Requests);
        Assert.False(File.Exists(h.OutputPath));
        Assert.Empty(Directory.GetFiles(h.Directory));
    }
}
