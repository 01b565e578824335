using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using AzSpokeTools.Tests.Shared;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>
/// A loopback HTTPS server answering as Resource Manager does for an export of one subscription:
/// <c>GET /subscriptions</c> and Resource Graph queries (two pages with a $skipToken) over the resources of a
/// bundled sample. Requests without <c>Authorization: Bearer {Token}</c> get 401. The module's live client is
/// pointed at it through its transport seam, set on the module's own copy of the live-data assembly.
/// Started with <c>simulateWrites</c>, every Microsoft.Network request (GET, PUT, DELETE, commit, listDeploymentStatus) is answered
/// by the test-side ARM simulator over the sample (independent of the planner); commits answer 202 + Location as ARM does.
/// </summary>
public sealed class LoopbackArm : IAsyncDisposable
{
    public const string Subscription = "8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69";
    private static readonly Lazy<X509Certificate2> Certificate = new(CreateCertificate);
    private readonly WebApplication _app;
    private readonly JsonArray _rows;

    private LoopbackArm(WebApplication app, JsonArray rows, string token)
    {
        _app = app;
        _rows = rows;
        Token = token;
    }

    public string Token { get; }
    public Uri Endpoint { get; private set; } = null!;
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();
    /// <summary>Delay before each Resource Graph answer (to stop an export while it runs).</summary>
    public TimeSpan ResourceGraphDelay { get; set; }
    public int ResourceCount => _rows.Count;
    /// <summary>The ARM simulator answering Microsoft.Network requests (null: the read-only export server).</summary>
    internal ArmWriteSimulator? Simulator { get; private set; }

    public static async Task<LoopbackArm> StartAsync(string sampleJsonPath, bool simulateWrites)
    {
        var server = await StartAsync(sampleJsonPath);
        if (simulateWrites) server.Simulator = new ArmWriteSimulator(File.ReadAllText(sampleJsonPath));
        return server;
    }

    public static async Task<LoopbackArm> StartAsync(string sampleJsonPath)
    {
        var rows = JsonNode.Parse(File.ReadAllText(sampleJsonPath))!["resources"]!.AsArray();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate.Value)));
        var app = builder.Build();
        var server = new LoopbackArm(app, JsonNode.Parse(rows.ToJsonString())!.AsArray(), "tok-" + Guid.NewGuid().ToString("N"));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.Replace("[::1]", "127.0.0.1"));
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue(request.Method + " " + request.Path + request.QueryString);
        AuthorizationHeaders.Enqueue(request.Headers.Authorization.ToString());
        context.Response.ContentType = "application/json";
        if (request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}""");
            return;
        }
        if (request.Method == "GET" && request.Path == "/subscriptions")
        {
            await context.Response.WriteAsync($$"""{"value":[{"subscriptionId":"{{Subscription}}","state":"Enabled"}]}""");
            return;
        }
        if (request.Method == "POST" && request.Path == "/providers/Microsoft.ResourceGraph/resources")
        {
            if (ResourceGraphDelay > TimeSpan.Zero) await Task.Delay(ResourceGraphDelay, context.RequestAborted);
            var body = await JsonNode.ParseAsync(request.Body);
            var secondPage = body?["options"]?["$skipToken"] != null;
            var half = _rows.Count / 2;
            var page = new JsonArray(_rows.Skip(secondPage ? half : 0).Take(secondPage ? _rows.Count - half : half).Select(r => JsonNode.Parse(r!.ToJsonString())).ToArray());
            var result = new JsonObject { ["totalRecords"] = _rows.Count, ["count"] = page.Count, ["data"] = page };
            if (!secondPage) result["$skipToken"] = "page-2";
            await context.Response.WriteAsync(result.ToJsonString());
            return;
        }
        if (Simulator != null && request.Path.Value!.StartsWith("/operations/", StringComparison.Ordinal))
        {
            await context.Response.WriteAsync("{}");
            return;
        }
        if (Simulator != null && request.Path.Value!.Contains("/providers/Microsoft.Network/", StringComparison.OrdinalIgnoreCase))
        {
            var text = await new StreamReader(request.Body).ReadToEndAsync();
            var (status, reply, error) = Simulator.Handle(request.Method, request.Path.Value!, text.Length > 0 ? JsonNode.Parse(text) : null);
            context.Response.StatusCode = status;
            if (status == 202)
            {
                context.Response.Headers["Location"] = "https://" + request.Host + "/operations/" + Guid.NewGuid().ToString("N");
                context.Response.Headers["retry-after-ms"] = "10";
            }
            if (error != null) await context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = status == 404 ? "NotFound" : "Conflict", ["message"] = error } }.ToJsonString());
            else if (reply != null) await context.Response.WriteAsync(reply.ToJsonString());
            return;
        }
        if (request.Method == "POST" && request.Path.Value!.EndsWith("/listDeploymentStatus", StringComparison.OrdinalIgnoreCase))
        {
            // No AVNM commit in any region yet (Convert-HairpinToMesh -Apply reads this before committing).
            await context.Response.WriteAsync("""{"value":[]}""");
            return;
        }
        context.Response.StatusCode = 404;
        await context.Response.WriteAsync("""{"error":{"code":"NotFound","message":"not served by the loopback ARM"}}""");
    }

    /// <summary>
    /// Makes the module's live client trust this server: sets the transport seam of the module's own
    /// AzSpokeTools.Azure (in the module's load context) to an Azure.Core transport of that context. The
    /// value flows to the pipeline thread PowerShell starts for the next invocation from this thread.
    /// </summary>
    public void TrustFromModule()
    {
        var context = AssemblyLoadContext.All.Single(c => c.GetType().Name == "ModuleAssemblyLoadContext");
        var azure = context.LoadFromAssemblyName(new AssemblyName("AzSpokeTools.Azure"));
        var core = context.LoadFromAssemblyName(new AssemblyName("Azure.Core"));
        var thumbprint = Certificate.Value.GetCertHashString();
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert != null && cert.GetCertHashString() == thumbprint };
        var transport = Activator.CreateInstance(core.GetType("Azure.Core.Pipeline.HttpClientTransport", throwOnError: true)!, handler)!;
        var field = azure.GetType("AzSpokeTools.Azure.Transport.ArmClient", throwOnError: true)!.GetField("TransportOverride", BindingFlags.NonPublic | BindingFlags.Static)!;
        var asyncLocal = field.GetValue(null)!;
        asyncLocal.GetType().GetProperty("Value")!.SetValue(asyncLocal, transport);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
