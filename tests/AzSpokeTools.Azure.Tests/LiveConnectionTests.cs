using Azure.Core;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Engine;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

/// <summary>
/// The live layer's one connection factory: every host's environment, ARM endpoint and token parameters become a validated
/// connection here, with the identity chosen in one order (token, host sign-in, DefaultAzureCredential); the export options
/// and the apply sender take it as it is.
/// </summary>
public sealed class LiveConnectionTests
{
    private sealed class Host(HostTokenProvider? provider) : IHostIdentity
    {
        public List<AzureCloud> Asked { get; } = new();
        public HostTokenProvider? Connect(AzureCloud cloud) { Asked.Add(cloud); return provider; }
    }

    private static readonly HostTokenProvider FromHost = (_, _) => new HostAccessToken("from-host", DateTimeOffset.UtcNow.AddHours(1));

    [Fact]
    public void AnExplicitTokenWinsAndTheHostIsNotAsked()
    {
        var host = new Host(FromHost);
        var connection = LiveConnection.Create("AzureUSGovernment", null, "Bearer tok", host);
        Assert.Equal(LiveIdentity.AccessToken, connection.Identity);
        Assert.Equal("AzureUSGovernment", connection.Cloud.Name);
        Assert.Empty(host.Asked);
        var options = connection.Configure(new ExportOptions());
        Assert.Equal("Bearer tok", options.AccessToken);
        Assert.Null(options.HostToken);
        Assert.Equal("tok", options.ResolveCredential(connection.Cloud).GetToken(new TokenRequestContext(new[] { connection.Cloud.TokenScope }), default).Token);
    }

    [Fact]
    public void WithoutATokenTheHostsSignInForTheCloudThenDefaultAzureCredential()
    {
        var host = new Host(FromHost);
        var connection = LiveConnection.Create(null, "https://arm.contoso.example/", null, host);
        Assert.Equal(LiveIdentity.Host, connection.Identity);
        Assert.Equal(new Uri("https://arm.contoso.example"), Assert.Single(host.Asked).ResourceManagerEndpoint);
        var options = connection.Configure(new ExportOptions());
        Assert.Equal(new Uri("https://arm.contoso.example/"), options.ArmEndpoint);
        Assert.Equal("from-host", options.ResolveCredential(connection.Cloud).GetToken(new TokenRequestContext(new[] { connection.Cloud.TokenScope }), default).Token);

        var nothing = LiveConnection.Create(null, null, null, new Host(null));
        Assert.Equal(LiveIdentity.DefaultAzureCredential, nothing.Identity);
        Assert.IsType<global::Azure.Identity.DefaultAzureCredential>(nothing.Configure(new ExportOptions()).ResolveCredential(nothing.Cloud));
        Assert.Equal(LiveIdentity.DefaultAzureCredential, LiveConnection.Create(null, null, null).Identity);
    }

    [Theory]
    [InlineData("Mars", null, null, "Environment")]
    [InlineData(null, "not a url", null, "ArmEndpoint")]
    [InlineData(null, "http://127.0.0.1:8080", null, "ArmEndpoint")]
    [InlineData(null, "https://arm.example/?x=1", null, "ArmEndpoint")]
    [InlineData(null, null, "  ", "AccessToken")]
    public void BadValuesAreInputErrorsNamingTheParameterAndTheHostIsNotAsked(string? environment, string? endpoint, string? token, string parameter)
    {
        var host = new Host(FromHost);
        var e = Assert.Throws<EngineInputException>(() => LiveConnection.Create(environment, endpoint, token, host));
        Assert.Equal(parameter, e.Parameter);
        Assert.DoesNotContain("(Parameter '", e.Message);
        Assert.Empty(host.Asked);
    }
}
