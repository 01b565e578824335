using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Azure.Transport;
using Azure.Core;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

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
