using System.Management.Automation;
using System.Security;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Cli;
using AzSpokeTools.Cmdlets;
using AzSpokeTools.Errors;
using AzSpokeTools.Live;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// The live parameters (-SubscriptionId, -ManagementGroupId, -Environment, -ArmEndpoint, -AccessToken,
/// -IncludeLearnedRoutes, -IncludeEffectiveRoutes) become the export options 'azspoke export' builds, and
/// export failures become the documented ErrorRecords.
/// </summary>
public sealed class LiveMappingTests
{
    private const string Sub1 = "8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69";
    private const string Sub2 = "0b6c1d2e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";
    private const string Nic = "/subscriptions/" + Sub1 + "/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/vm1-nic";

    private static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (var c in text) s.AppendChar(c);
        return s;
    }

    [Fact]
    public void EveryParameterReachesTheExportOptions()
    {
        var options = ExportSpokeTopologyCommand.ToScope([Sub1, Sub2], null, "AzureUSGovernment", "https://arm.contoso.example/", Secure("Bearer tok-123"), true, [Nic]).ToOptions();
        Assert.Equal([Sub1, Sub2], options.SubscriptionIds);
        Assert.Null(options.ManagementGroupId);
        Assert.Equal("AzureUSGovernment", options.Environment);
        Assert.Equal(new Uri("https://arm.contoso.example/"), options.ArmEndpoint);
        Assert.Equal("Bearer tok-123", options.AccessToken);
        Assert.True(options.IncludeLearnedRoutes);
        Assert.Equal([Nic], options.EffectiveRouteNetworkInterfaceIds);
        Assert.Null(options.HostToken);
        options.Validate();
    }

    [Fact]
    public void NothingGivenReadsEverySubscriptionWithTheDefaultIdentity()
    {
        var options = ExportSpokeTopologyCommand.ToScope(null, null, null, null, null, false, null).ToOptions();
        Assert.Empty(options.SubscriptionIds);
        Assert.Null(options.ManagementGroupId);
        Assert.Null(options.AccessToken);
        Assert.Null(options.ArmEndpoint);
        Assert.Empty(options.EffectiveRouteNetworkInterfaceIds);
        options.Validate();
    }

    [Theory]
    [InlineData("SubscriptionId", "--subscription", "not-a-guid")]
    [InlineData("ManagementGroupId", "--management-group", "mg/../x")]
    [InlineData("IncludeEffectiveRoutes", "--include-effective-routes", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v")]
    public void InvalidValuesFailAsTheCliDoesWithAnInvalidParameterErrorId(string parameter, string cliOption, string value)
    {
        var scope = parameter switch
        {
            "SubscriptionId" => ExportSpokeTopologyCommand.ToScope([value], null, null, null, Secure("t"), false, null),
            "ManagementGroupId" => ExportSpokeTopologyCommand.ToScope(null, value, null, null, Secure("t"), false, null),
            _ => ExportSpokeTopologyCommand.ToScope([Sub1], null, null, null, Secure("t"), false, [value]),
        };
        var e = Assert.ThrowsAny<ArgumentException>(() => scope.ToOptions().Validate());
        var record = SpokeErrors.FromLive(e, "out.json")!;
        Assert.Equal("Invalid" + parameter, record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);

        var error = new StringWriter();
        Assert.Equal(ExitCodes.BadInput, CliApp.Run(["export", "--out", Path.Combine(Path.GetTempPath(), "never-written.json"), "--access-token", "t", cliOption, value], new StringWriter(), error));
        Assert.Contains(cliOption + ": " + e.Message.Replace(" (Parameter '" + e.ParamName + "')", ""), error.ToString());
    }

    [Fact]
    public void ArmEndpointThatIsNotAUrlIsInvalidArmEndpoint()
    {
        var e = Assert.ThrowsAny<Exception>(() => ExportSpokeTopologyCommand.ToScope(null, null, null, "not a url", null, false, null).ToOptions());
        Assert.Equal("InvalidArmEndpoint", SpokeErrors.FromLive(e, "out.json")!.FullyQualifiedErrorId);
        // The live layer's connection factory refuses it before any request (bearer tokens never go over plain http).
        var http = Assert.ThrowsAny<Exception>(() => ExportSpokeTopologyCommand.ToScope(null, null, null, "http://arm.contoso.example", null, false, null).ToOptions());
        Assert.Equal("InvalidArmEndpoint", SpokeErrors.FromLive(http, "out.json")!.FullyQualifiedErrorId);
        Assert.Equal("InvalidArmEndpoint", SpokeErrors.From(http, "out.json")!.FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData(401, "AzureAuthenticationFailed", ErrorCategory.AuthenticationError)]
    [InlineData(403, "AzureAccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData(0, "AzureRequestFailed", ErrorCategory.ConnectionError)]
    [InlineData(429, "AzureRequestFailed", ErrorCategory.ResourceUnavailable)]
    [InlineData(503, "AzureRequestFailed", ErrorCategory.ResourceUnavailable)]
    [InlineData(400, "AzureRequestFailed", ErrorCategory.ProtocolError)]
    public void AzureFailuresHaveStableErrorIdsAndCategories(int status, string errorId, ErrorCategory category)
    {
        var record = SpokeErrors.FromLive(new AzureExportException("failed", status), "/tmp/out.json")!;
        Assert.Equal(errorId, record.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Equal("/tmp/out.json", record.TargetObject);
    }

    [Fact]
    public void LiveDataTheLoaderRefusesIsSnapshotInvalidNamingWhatWasRead()
    {
        var refused = Assert.ThrowsAny<Exception>(() => AzSpokeTools.Engine.Snapshot.SnapshotLoader.Load(new MemoryStream("{ not json"u8.ToArray()), "live data (management group mg-network)"));
        var record = SpokeErrors.FromLiveData(refused, "mg-network")!;
        Assert.Equal("SnapshotInvalid", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, record.CategoryInfo.Category);
        Assert.Equal("mg-network", record.TargetObject);
        Assert.Contains("live data (management group mg-network)", refused.Message + string.Join(" ", ((AzSpokeTools.Engine.Snapshot.SnapshotLoadException)refused).Errors));
    }

    [Fact]
    public void CancellationIsExportCancelledAndSaysNoFileWasWritten()
    {
        var record = SpokeErrors.FromLive(new OperationCanceledException(), "out.json")!;
        Assert.Equal("ExportCancelled", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationStopped, record.CategoryInfo.Category);
        Assert.Contains("no snapshot was written", record.Exception.Message);
    }

    [Fact]
    public void OutputFailuresAreOutputErrorsAndBugsPropagate()
    {
        Assert.Equal("OutputAccessDenied", SpokeErrors.FromLive(new UnauthorizedAccessException(), "o")!.FullyQualifiedErrorId);
        Assert.Equal("OutputWriteFailed", SpokeErrors.FromLive(new IOException("disk full"), "o")!.FullyQualifiedErrorId);
#pragma warning disable CA2201 // the runtime throws it when code has a bug, which is what the boundary must report
        Assert.Equal("InternalError", SpokeErrors.FromLive(new NullReferenceException(), "o")!.FullyQualifiedErrorId);
#pragma warning restore CA2201
    }

    [Fact]
    public void AConnectionFailureAfterRetriesIsAzureRequestFailedEvenWrappedInAnAggregateException()
    {
        // Azure.Core reports retries that all failed with exceptions as an AggregateException (issue 16: it surfaced as is).
        var refused = new System.Net.Http.HttpRequestException("Connection refused (127.0.0.1:9)", new System.Net.Sockets.SocketException(111));
        foreach (var e in new Exception[]
        {
            new AggregateException(refused, refused),
            new AzSpokeTools.Azure.Export.AzureExportException("GET https://127.0.0.1:9/ failed: cannot connect", 0, refused),
            new AggregateException(new AzSpokeTools.Azure.Export.AzureExportException("GET failed", 0, refused)),
        })
        {
            var record = SpokeErrors.FromLive(e, "o")!;
            Assert.Equal("AzureRequestFailed", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
        }
    }

    [Fact]
    public void AccessTokenTakesAStringOrASecureStringAndNothingElse()
    {
        var transform = new SecureStringTransformationAttribute();
        var fromString = Assert.IsType<SecureString>(transform.Transform(null!, "tok-abc"));
        Assert.Equal("tok-abc", ExportSpokeTopologyCommand.ToScope(null, null, null, null, fromString, false, null).ToOptions().AccessToken);
        var secure = Secure("tok-def");
        Assert.Same(secure, transform.Transform(null!, new PSObject(secure)));
        Assert.Throws<ArgumentTransformationMetadataException>(() => transform.Transform(null!, 42));
    }

    [Fact]
    public void ResourceUrlOfAScopeIsTheArmEndpointWithATrailingSlash()
    {
        Assert.Equal("https://management.azure.com/", AzContextToken.ResourceUrlOf("https://management.azure.com/.default"));
        Assert.Equal("https://management.usgovcloudapi.net/", AzContextToken.ResourceUrlOf("https://management.usgovcloudapi.net//.default"));
    }
}
