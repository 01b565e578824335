using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Azure.Transport;
using Azure.Core;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

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
