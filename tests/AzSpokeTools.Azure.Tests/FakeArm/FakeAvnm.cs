using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AzSpokeTools.Tests.Shared;
using Microsoft.AspNetCore.Http;

namespace AzSpokeTools.Azure.Tests.FakeArm;

/// <summary>
/// The writable AVNM part of the fake ARM server, for the mesh apply step: network managers, network groups, static
/// members and connectivity configurations stored by path (GET 200/404, PUT 201/200), POST commit (202 + Location, the
/// region's goal state replaced by the body, Deploying for <see cref="DeployingReads"/> status reads then Deployed or
/// Failed), POST listDeploymentStatus answered from the commits, DELETE 200/204. Anything else under a network manager is a violation.
/// With <see cref="Simulator"/> set, every Microsoft.Network request is answered by the test-side ARM simulator instead (which
/// applies writes and commits to an in-memory copy of a snapshot, independent of the planner); commits still answer 202 + Location.
/// </summary>
public sealed class FakeAvnm
{
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, JsonObject> Resources { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Region to (configuration ids, status) of its Connectivity commit.</summary>
    public ConcurrentDictionary<string, (List<string> Ids, string Status)> Commits { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Status reads a new commit stays Deploying for.</summary>
    public int DeployingReads { get; set; } = 2;
    /// <summary>When set, a commit ends Failed with this error message.</summary>
    public string? DeploymentError { get; set; }
    /// <summary>When set, POST commit is refused with this HTTP status.</summary>
    public int CommitRefusal { get; set; }
    /// <summary>When set, PUT of a path ending with this text fails with 400.</summary>
    public string? FailPutOf { get; set; }
    /// <summary>Api-versions seen, to assert one consistent version.</summary>
    public ConcurrentBag<string> ApiVersions { get; } = new();
    /// <summary>When set, answers every Microsoft.Network request (reads, writes, commits, deployment status).</summary>
    internal ArmWriteSimulator? Simulator { get; set; }

    public bool Handles(string path) =>
        path.Contains(Simulator != null ? "/providers/Microsoft.Network/" : "/providers/Microsoft.Network/networkManagers/", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWith("/avnm-operations/", StringComparison.Ordinal);

    private Task Simulate(HttpContext ctx, RecordedRequest record, string path, string body, Func<int, string, string, Task> error, Func<int, string, Task> json)
    {
        var (status, reply, message) = Simulator!.Handle(ctx.Request.Method, path, body.Length > 0 ? JsonNode.Parse(body) : null);
        if (message != null) return error(status, status == 404 ? "NotFound" : "Conflict", message);
        if (status == 202)
        {
            ctx.Response.Headers["Location"] = "https://" + ctx.Request.Host + "/avnm-operations/" + Guid.NewGuid().ToString("N") + "?api-version=2024-05-01";
            ctx.Response.Headers["retry-after-ms"] = "10";
        }
        if (reply != null) return json(status, reply.ToJsonString());
        record.Status = status;
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    public Task HandleAsync(HttpContext ctx, RecordedRequest record, string path, string body, Func<int, string, string, Task> error, Func<int, string, Task> json,
        ConcurrentQueue<string> violations)
    {
        if (path.StartsWith("/avnm-operations/", StringComparison.Ordinal)) return json(200, "{}");
        ApiVersions.Add(ctx.Request.Query["api-version"].ToString());
        if (Simulator != null) return Simulate(ctx, record, path, body, error, json);
        var method = ctx.Request.Method;
        if (method == "GET")
            return Resources.TryGetValue(path, out var r) ? json(200, r.ToJsonString()) : error(404, "NotFound", "The resource '" + path + "' was not found.");
        if (method == "PUT")
        {
            if (FailPutOf != null && path.EndsWith(FailPutOf, StringComparison.OrdinalIgnoreCase)) return error(400, "InvalidRequest", "injected PUT failure");
            var resource = JsonNode.Parse(body)!.AsObject();
            resource["id"] = path;
            resource["name"] = path[(path.LastIndexOf('/') + 1)..];
            bool existed = Resources.ContainsKey(path);
            Resources[path] = resource;
            return json(existed ? 200 : 201, resource.ToJsonString());
        }
        if (method == "DELETE")
        {
            if (!Resources.TryRemove(path, out _)) { record.Status = 204; ctx.Response.StatusCode = 204; return Task.CompletedTask; }
            foreach (var child in Resources.Keys.Where(k => k.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase)).ToList()) Resources.TryRemove(child, out _);
            return json(200, "{}");
        }
        if (method == "POST" && path.EndsWith("/commit", StringComparison.OrdinalIgnoreCase))
        {
            if (CommitRefusal != 0) return error(CommitRefusal, "CommitRejected", "injected commit failure");
            var request = JsonNode.Parse(body)!;
            if ((string?)request["commitType"] != "Connectivity" || request["targetLocations"] is not JsonArray regions || request["configurationIds"] is not JsonArray ids)
                return error(400, "BadRequest", "expected targetLocations, configurationIds and commitType Connectivity");
            foreach (var id in ids.Select(i => (string)i!))
                if (!Resources.ContainsKey(id)) return error(400, "InvalidConfiguration", "configuration " + id + " does not exist");
            foreach (var region in regions.Select(x => (string)x!))
            {
                Commits[region] = (ids.Select(i => (string)i!).ToList(), "Deploying");
                _reads[region] = 0;
            }
            ctx.Response.Headers["Location"] = "https://" + ctx.Request.Host + "/avnm-operations/" + Guid.NewGuid().ToString("N") + "?api-version=2024-05-01";
            ctx.Response.Headers["retry-after-ms"] = "10";
            record.Status = 202;
            ctx.Response.StatusCode = 202;
            return Task.CompletedTask;
        }
        if (method == "POST" && path.EndsWith("/listDeploymentStatus", StringComparison.OrdinalIgnoreCase))
        {
            var request = JsonNode.Parse(body)!;
            if ((string?)request["deploymentTypes"]?[0] != "Connectivity" || request["regions"] is not JsonArray regions)
                return error(400, "BadRequest", "expected regions and deploymentTypes [Connectivity]");
            var rows = new JsonArray();
            foreach (var region in regions.Select(x => (string)x!))
            {
                if (!Commits.TryGetValue(region, out var c)) continue;
                var status = c.Status;
                string error2 = "";
                if (status == "Deploying" && _reads.AddOrUpdate(region, 1, (_, n) => n + 1) > DeployingReads)
                {
                    status = DeploymentError != null ? "Failed" : "Deployed";
                    Commits[region] = (c.Ids, status);
                }
                if (status == "Failed") error2 = DeploymentError ?? "";
                rows.Add(new JsonObject
                {
                    ["commitTime"] = "2026-11-23T00:00:00Z", ["region"] = region, ["deploymentStatus"] = status,
                    ["configurationIds"] = new JsonArray(c.Ids.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
                    ["deploymentType"] = "Connectivity", ["errorMessage"] = error2,
                });
            }
            return json(200, new JsonObject { ["value"] = rows }.ToJsonString());
        }
        violations.Enqueue($"unexpected {method} {path}");
        return error(405, "MethodNotAllowed", "unexpected AVNM request");
    }
}
