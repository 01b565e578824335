using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AzSpokeTools.Azure.Tests.FakeArm;

/// <summary>A fault injected into the Nth Resource Graph request.</summary>
public sealed record Fault(int Status = 0, TimeSpan Delay = default, string? RetryAfter = null, string? RetryAfterMs = null, string? QuotaResetsAfter = null)
{
    public static Fault Throttle(string retryAfterSeconds) => new(429, RetryAfter: retryAfterSeconds);
    public static Fault ThrottleMs(int ms) => new(429, RetryAfterMs: ms.ToString());
    public static Fault ServerError(int status) => new(status);
    public static Fault Slow(TimeSpan delay) => new(Delay: delay);
    public static Fault QuotaExhausted(string resetsAfter) => new(QuotaResetsAfter: resetsAfter);
}

/// <summary>One request as the server saw it.</summary>
public sealed record RecordedRequest(int Index, TimeSpan At, string Method, string PathAndQuery, string? Authorization, string Body, string Kind, int ArgCall)
{
    public int Status { get; set; }
    public int Rows { get; set; }
}

/// <summary>
/// A fake ARM + Resource Graph endpoint on https://127.0.0.1:{random port} (Kestrel, real sockets, a
/// self-signed certificate made per process). It serves a <see cref="FakeEstate"/> with Resource Graph
/// paging (<c>$top</c>/<c>$skipToken</c>), ARM list paging (nextLink), AVNM listDeploymentStatus
/// (skipToken in the body), long-running getLearnedRoutes/effectiveRouteTable/effectiveNetworkSecurityGroups and Route Server BGP connection
/// learnedRoutes/advertisedRoutes (202 + Location, polled
/// until 200), injected faults, 403 for denied subscriptions, and records every request. Requests
/// without <c>Authorization: Bearer {token}</c> or with a write method are recorded as violations.
/// </summary>
public sealed class FakeArmServer : IAsyncDisposable
{
    private static readonly Lazy<X509Certificate2> SharedCertificate = new(CreateCertificate);
    private readonly WebApplication _app;
    private readonly FakeEstate _estate;
    private readonly string _token;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, int> _operations = new();
    private readonly ConcurrentDictionary<string, List<FakeRow>> _scopeRows = new();
    private int _requestIndex;
    private int _argCalls;

    private FakeArmServer(WebApplication app, FakeEstate estate, string token)
    {
        _app = app;
        _estate = estate;
        _token = token;
    }

    public Uri Endpoint { get; private set; } = null!;
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public ConcurrentQueue<string> Violations { get; } = new();
    public ConcurrentDictionary<int, Fault> ArgFaults { get; } = new();
    public HashSet<string> DeniedSubscriptions { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Subscriptions the identity cannot see: not listed, and silently left out of Resource Graph results (as Resource Graph does).</summary>
    public HashSet<string> HiddenSubscriptions { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> DeniedPaths { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int ListPageSize { get; set; } = 2;
    public int PendingPolls { get; set; } = 2;
    public string LroRetryAfterHeader { get; set; } = "retry-after-ms";
    public string LroRetryAfterValue { get; set; } = "20";

    /// <summary>Long-running actions also answer with Azure-AsyncOperation (status InProgress until Succeeded), the final body at Location.</summary>
    public bool LroUsesAsyncOperation { get; set; }
    public TimeSpan ArgLatency { get; set; } = TimeSpan.Zero;

    /// <summary>A broken service: every page after the first repeats the $skipToken it was given.</summary>
    public bool RepeatSkipToken { get; set; }

    /// <summary>Added to the totalRecords Resource Graph reports (a live estate changing during paging).</summary>
    public int TotalRecordsDrift { get; set; }

    /// <summary>A list path whose first page points its nextLink at another host (127.0.0.2), which the client must refuse.</summary>
    public string? ForeignNextLinkPath { get; set; }

    /// <summary>When set, AVNM resources under network managers are writable (the mesh apply step); null keeps the server read-only.</summary>
    public FakeAvnm? Avnm { get; set; }

    /// <summary>Called with each Resource Graph call number before it is answered (tests cancel from here).</summary>
    public Action<int>? OnArgCall { get; set; }

    public static async Task<FakeArmServer> StartAsync(FakeEstate estate, string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(SharedCertificate.Value)));
        var app = builder.Build();
        var server = new FakeArmServer(app, estate, token);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.Replace("[::1]", "127.0.0.1"));
        return server;
    }

    /// <summary>An HTTP transport over real sockets that trusts exactly this server's certificate.</summary>
    public HttpPipelineTransport CreateTransport()
    {
        var thumbprint = SharedCertificate.Value.GetCertHashString();
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert != null && cert.GetCertHashString() == thumbprint,
        };
        return new HttpClientTransport(handler);
    }

    /// <summary>The server certificate in PEM, for a child process that trusts it through SSL_CERT_FILE.</summary>
    public static string CertificatePem => SharedCertificate.Value.ExportCertificatePem();

    public IEnumerable<RecordedRequest> ArgRequests => Requests.Where(r => r.Kind == "arg").OrderBy(r => r.ArgCall);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8)) body = await reader.ReadToEndAsync();
        var path = request.Path.Value ?? "/";
        var kind = Classify(request.Method, path);
        int argCall = kind == "arg" ? Interlocked.Increment(ref _argCalls) : 0;
        var record = new RecordedRequest(Interlocked.Increment(ref _requestIndex), _clock.Elapsed, request.Method,
            path + request.QueryString.Value, request.Headers.Authorization.ToString(), body, kind, argCall);
        Requests.Enqueue(record);
        ctx.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        ctx.Response.Headers["x-ms-correlation-request-id"] = Guid.NewGuid().ToString();

        if (record.Authorization != "Bearer " + _token)
        {
            Violations.Enqueue($"{request.Method} {path}: Authorization header was '{record.Authorization}'");
            await Error(ctx, record, 401, "InvalidAuthenticationToken", "The access token is invalid.");
            return;
        }
        if (Avnm != null && Avnm.Handles(path))
        {
            if (request.Query["api-version"].Count == 0 && !path.StartsWith("/avnm-operations/", StringComparison.Ordinal))
            {
                await Error(ctx, record, 400, "MissingApiVersionParameter", "api-version is required");
                return;
            }
            await Avnm.HandleAsync(ctx, record, path, body, (status, code, message) => Error(ctx, record, status, code, message),
                (status, json) => Json(ctx, record, status, json), Violations);
            return;
        }
        if (request.Method != "GET" && request.Method != "POST")
        {
            Violations.Enqueue($"write method {request.Method} {path}");
            await Error(ctx, record, 405, "MethodNotAllowed", "read-only fake");
            return;
        }
        if (request.Method == "POST" && kind == "list")
        {
            Violations.Enqueue($"unexpected POST {path}");
            await Error(ctx, record, 405, "MethodNotAllowed", "unexpected POST");
            return;
        }
        if (request.Query["api-version"].Count == 0)
        {
            await Error(ctx, record, 400, "MissingApiVersionParameter", "api-version is required");
            return;
        }

        switch (kind)
        {
            case "arg": await ResourceGraphAsync(ctx, record, body); break;
            case "subscriptions": await SubscriptionsAsync(ctx, record); break;
            case "poll": await PollAsync(ctx, record, path); break;
            case "action": await ActionAsync(ctx, record, path, body); break;
            default: await ListAsync(ctx, record, path); break;
        }
    }

    private static string Classify(string method, string path)
    {
        if (path.Equals("/providers/Microsoft.ResourceGraph/resources", StringComparison.OrdinalIgnoreCase)) return "arg";
        if (path.Equals("/subscriptions", StringComparison.OrdinalIgnoreCase)) return "subscriptions";
        if (path.StartsWith("/operations/", StringComparison.OrdinalIgnoreCase)) return "poll";
        if (method == "POST" && (path.EndsWith("/listDeploymentStatus", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/getLearnedRoutes", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/learnedRoutes", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/advertisedRoutes", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/effectiveRouteTable", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/effectiveNetworkSecurityGroups", StringComparison.OrdinalIgnoreCase))) return "action";
        return "list";
    }

    private async Task ResourceGraphAsync(HttpContext ctx, RecordedRequest record, string body)
    {
        OnArgCall?.Invoke(record.ArgCall);
        if (ArgLatency > TimeSpan.Zero) await Task.Delay(ArgLatency);
        string quotaRemaining = "14", resetsAfter = "00:00:05";
        if (ArgFaults.TryGetValue(record.ArgCall, out var fault))
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                try { await Task.Delay(fault.Delay, ctx.RequestAborted); }
                catch (OperationCanceledException) { record.Status = -1; return; }
            }
            if (fault.Status != 0)
            {
                if (fault.RetryAfter != null) ctx.Response.Headers["Retry-After"] = fault.RetryAfter;
                if (fault.RetryAfterMs != null) ctx.Response.Headers["retry-after-ms"] = fault.RetryAfterMs;
                await Error(ctx, record, fault.Status, fault.Status == 429 ? "RateLimiting" : "ServerError", "injected fault");
                return;
            }
            if (fault.QuotaResetsAfter != null)
            {
                quotaRemaining = "0";
                resetsAfter = fault.QuotaResetsAfter;
            }
        }
        ctx.Response.Headers["x-ms-user-quota-remaining"] = quotaRemaining;
        ctx.Response.Headers["x-ms-user-quota-resets-after"] = resetsAfter;

        var request = JsonNode.Parse(body)!.AsObject();
        var query = (string?)request["query"] ?? "";
        if (!query.StartsWith("resources", StringComparison.Ordinal) || !query.Contains("type in~", StringComparison.Ordinal))
        {
            await Error(ctx, record, 400, "BadRequest", "unexpected query");
            return;
        }
        var options = request["options"]?.AsObject();
        if ((string?)options?["resultFormat"] != "objectArray")
        {
            await Error(ctx, record, 400, "BadRequest", "resultFormat must be objectArray");
            return;
        }
        int top = (int?)options?["$top"] ?? 100;
        var skipToken = (string?)options?["$skipToken"];

        List<string> subscriptions;
        if (request["managementGroups"] is JsonArray groups)
        {
            if (groups.Count != 1 || (string?)groups[0] != FakeEstate.ManagementGroup)
            {
                await Error(ctx, record, 403, "AuthorizationFailed", "no access to that management group");
                return;
            }
            subscriptions = _estate.Subscriptions.Where(s => !DeniedSubscriptions.Contains(s)).ToList();
        }
        else
        {
            subscriptions = request["subscriptions"]!.AsArray().Select(s => (string)s!).ToList();
            var denied = subscriptions.FirstOrDefault(DeniedSubscriptions.Contains);
            if (denied != null)
            {
                await Error(ctx, record, 403, "AuthorizationFailed", $"The client does not have authorization to read subscription '{denied}'.");
                return;
            }
        }

        var key = string.Join(",", subscriptions.OrderBy(s => s));
        var rows = _scopeRows.GetOrAdd(key, _ =>
        {
            var set = new HashSet<string>(subscriptions.Where(s => !HiddenSubscriptions.Contains(s)), StringComparer.OrdinalIgnoreCase);
            return _estate.Rows.Where(r => set.Contains(r.SubscriptionId)).OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase).ToList();
        });
        int offset = 0;
        if (skipToken != null)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(skipToken)).Split('|');
            if (decoded.Length != 2 || decoded[0] != key)
            {
                await Error(ctx, record, 400, "InvalidSkipToken", "skip token does not belong to this scope");
                return;
            }
            offset = int.Parse(decoded[1]);
        }
        var page = rows.Skip(offset).Take(top).ToList();
        var sb = new StringBuilder();
        sb.Append("{\"totalRecords\":").Append(rows.Count + TotalRecordsDrift).Append(",\"count\":").Append(page.Count).Append(",\"data\":[");
        for (int i = 0; i < page.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(page[i].ArgJson);
        }
        sb.Append("],\"resultTruncated\":\"false\"");
        if (RepeatSkipToken && skipToken != null)
            sb.Append(",\"$skipToken\":\"").Append(skipToken).Append('"');
        else if (offset + page.Count < rows.Count)
            sb.Append(",\"$skipToken\":\"").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(key + "|" + (offset + page.Count)))).Append('"');
        sb.Append('}');
        record.Rows = page.Count;
        await Json(ctx, record, 200, sb.ToString());
    }

    private Task SubscriptionsAsync(HttpContext ctx, RecordedRequest record)
    {
        var value = new JsonArray(_estate.Subscriptions.Where(s => !HiddenSubscriptions.Contains(s)).Select(s => (JsonNode)new JsonObject
        {
            ["id"] = "/subscriptions/" + s,
            ["subscriptionId"] = s,
            ["displayName"] = "sub " + s[..8],
            ["state"] = "Enabled",
        }).ToArray());
        value.Add(new JsonObject { ["id"] = "/subscriptions/dead", ["subscriptionId"] = "00000000-dead-0000-0000-000000000000", ["state"] = "Disabled" });
        return Json(ctx, record, 200, new JsonObject { ["value"] = value }.ToJsonString());
    }

    private Task ListAsync(HttpContext ctx, RecordedRequest record, string path)
    {
        if (DeniedPaths.Contains(path) || DeniedSubscriptions.Any(s => path.Contains(s, StringComparison.OrdinalIgnoreCase)))
            return Error(ctx, record, 403, "AuthorizationFailed", "The client does not have authorization to perform action 'read' over scope '" + path + "'.");
        var items = _estate.Children.TryGetValue(path, out var list) ? list : new List<string>();
        int offset = int.TryParse(ctx.Request.Query["$skipToken"], out var o) ? o : 0;
        var page = items.Skip(offset).Take(ListPageSize).ToList();
        var sb = new StringBuilder("{\"value\":[").Append(string.Join(",", page)).Append(']');
        if (string.Equals(path, ForeignNextLinkPath, StringComparison.OrdinalIgnoreCase))
            sb.Append(",\"nextLink\":\"https://127.0.0.2:1").Append(path).Append("?api-version=2024-05-01&$skipToken=1\"");
        else if (offset + page.Count < items.Count)
            sb.Append(",\"nextLink\":\"").Append(Endpoint.AbsoluteUri.TrimEnd('/')).Append(path)
              .Append("?api-version=").Append(ctx.Request.Query["api-version"]).Append("&$skipToken=").Append(offset + page.Count).Append('"');
        sb.Append('}');
        record.Rows = page.Count;
        return Json(ctx, record, 200, sb.ToString());
    }

    private Task ActionAsync(HttpContext ctx, RecordedRequest record, string path, string body)
    {
        if (DeniedPaths.Contains(path))
            return Error(ctx, record, 403, "AuthorizationFailed", "The client does not have authorization to perform action over scope '" + path + "'.");
        if (path.EndsWith("/listDeploymentStatus", StringComparison.OrdinalIgnoreCase))
        {
            var request = JsonNode.Parse(body)!;
            if ((string?)request["deploymentTypes"]?[0] != "Connectivity" || request["regions"] is not JsonArray)
                return Error(ctx, record, 400, "BadRequest", "expected regions and deploymentTypes [Connectivity]");
            var first = JsonNode.Parse(_estate.DeploymentStatusJson!)!.AsObject();
            if ((string?)request["skipToken"] is { } token)
            {
                var second = new JsonObject { ["value"] = new JsonArray(new JsonObject { ["deploymentType"] = "Connectivity", ["configurationIds"] = new JsonArray("page2"), ["region"] = "northeurope", ["deploymentStatus"] = "Deployed", ["page"] = token }) };
                return Json(ctx, record, 200, second.ToJsonString());
            }
            if (first["skipToken"] == null) return Json(ctx, record, 200, first.ToJsonString());
            return Json(ctx, record, 200, first.ToJsonString());
        }
        var resource = path[..path.LastIndexOf('/')];
        var known = path.EndsWith("/getLearnedRoutes", StringComparison.OrdinalIgnoreCase)
            ? _estate.GatewayIds.Contains(resource, StringComparer.OrdinalIgnoreCase)
            : _estate.ArmObjectsById.ContainsKey(resource);
        if (!known) return Error(ctx, record, 404, "NotFound", "The resource '" + resource + "' was not found.");
        var operation = Guid.NewGuid().ToString("N");
        _operations[operation] = PendingPolls;
        _operationBodies[operation] = path.EndsWith("/getLearnedRoutes", StringComparison.OrdinalIgnoreCase)
            ? "{\"value\":[{\"localAddress\":\"10.0.0.254\",\"network\":\"10.1.0.0/16\",\"nextHop\":\"10.0.0.254\",\"sourcePeer\":\"10.0.0.254\",\"origin\":\"EBgp\",\"asPath\":\"65515\",\"weight\":32768}]}"
            : path.EndsWith("/learnedRoutes", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/advertisedRoutes", StringComparison.OrdinalIgnoreCase)
                ? FakeEstate.PeerRouteList(resource, path.EndsWith("/learnedRoutes", StringComparison.OrdinalIgnoreCase))
                : path.EndsWith("/effectiveNetworkSecurityGroups", StringComparison.OrdinalIgnoreCase) ? _estate.EffectiveSecurityGroupsJson(resource)
                : _estate.EffectiveRoutesJson!;
        ctx.Response.Headers["Location"] = Endpoint.AbsoluteUri.TrimEnd('/') + "/operations/" + operation + "?api-version=2024-05-01&sig=" + FakeEstate.SecretMarker + "sig";
        if (LroUsesAsyncOperation)
        {
            _operations[operation + "/status"] = PendingPolls;
            ctx.Response.Headers["Azure-AsyncOperation"] = Endpoint.AbsoluteUri.TrimEnd('/') + "/operations/" + operation + "/status?api-version=2024-05-01";
        }
        ctx.Response.Headers[LroRetryAfterHeader] = LroRetryAfterValue;
        record.Status = 202;
        ctx.Response.StatusCode = 202;
        return Task.CompletedTask;
    }

    private readonly ConcurrentDictionary<string, string> _operationBodies = new();

    private Task PollAsync(HttpContext ctx, RecordedRequest record, string path)
    {
        var operation = path["/operations/".Length..];
        if (!_operations.TryGetValue(operation, out var pending)) return Error(ctx, record, 404, "NotFound", "no such operation");
        if (operation.EndsWith("/status"))
        {
            _operations[operation] = Math.Max(0, pending - 1);
            if (pending > 0) ctx.Response.Headers[LroRetryAfterHeader] = LroRetryAfterValue;
            return Json(ctx, record, 200, pending > 0 ? "{\"status\":\"InProgress\"}" : "{\"status\":\"Succeeded\"}");
        }
        if (_operations.TryGetValue(operation + "/status", out var statusPending) && statusPending > 0)
        {
            Violations.Enqueue("Location polled before Azure-AsyncOperation reported Succeeded");
            return Error(ctx, record, 409, "Conflict", "not finished");
        }
        if (LroUsesAsyncOperation) pending = 0;
        if (pending > 0)
        {
            _operations[operation] = pending - 1;
            ctx.Response.Headers["Location"] = Endpoint.AbsoluteUri.TrimEnd('/') + path + ctx.Request.QueryString.Value;
            ctx.Response.Headers[LroRetryAfterHeader] = LroRetryAfterValue;
            record.Status = 202;
            ctx.Response.StatusCode = 202;
            return Task.CompletedTask;
        }
        return Json(ctx, record, 200, _operationBodies[operation]);
    }

    private static Task Error(HttpContext ctx, RecordedRequest record, int status, string code, string message)
        => Json(ctx, record, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());

    private static async Task Json(HttpContext ctx, RecordedRequest record, int status, string json)
    {
        record.Status = status;
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(json);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
