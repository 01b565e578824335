using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Tests.Shared;

/// <summary>
/// A test-side stand-in for what ARM does with the writes of a mesh migration, independent of the planner: it keeps an
/// in-memory copy of a snapshot's resources and results and applies PUT and DELETE bodies to them (AVNM resources and policy
/// resources as resources of their own; routes, peerings and subnets inside their parents), records each commit as the
/// region's Deployed Connectivity goal state in the manager's listDeploymentStatus result, answers GET, commit and
/// listDeploymentStatus, and evaluates Azure Policy membership rules into effective-connectivity results. Its snapshot is then
/// loaded and its path matrix recomputed by the tests. It refuses what ARM refuses: configurations or static members that do not
/// exist, deleting a configuration that is deployed, deleting a network group a configuration still applies to.
/// </summary>
internal sealed class ArmWriteSimulator
{
    private static readonly Dictionary<string, string> InlineChildren = new(StringComparer.OrdinalIgnoreCase)
    {
        ["microsoft.network/routetables/routes"] = "routes",
        ["microsoft.network/virtualnetworks/virtualnetworkpeerings"] = "virtualNetworkPeerings",
        ["microsoft.network/virtualnetworks/subnets"] = "subnets",
    };

    private readonly JsonObject _doc;
    private readonly object _gate = new();

    public ArmWriteSimulator(string snapshotJson)
    {
        _doc = JsonNode.Parse(snapshotJson)!.AsObject();
        _doc["resources"] ??= new JsonArray();
        _doc["results"] ??= new JsonArray();
    }

    /// <summary>The time commits are stamped with.</summary>
    public DateTimeOffset Clock { get; set; } = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every request handled, "METHOD path".</summary>
    public List<string> Log { get; } = new();

    /// <summary>Every commit: region and the configuration ids of its goal state, in order.</summary>
    public List<(string Region, List<string> ConfigurationIds)> Commits { get; } = new();

    private JsonArray Resources => _doc["resources"]!.AsArray();
    private JsonArray Results => _doc["results"]!.AsArray();

    /// <summary>The current snapshot (with dynamic membership evaluated into effective-connectivity results).</summary>
    public string Snapshot()
    {
        lock (_gate)
        {
            EvaluatePolicyMembership();
            return _doc.ToJsonString();
        }
    }

    /// <summary>Handles one request (path without the query); returns the HTTP status and body ARM would.</summary>
    public (int Status, JsonNode? Body, string? Error) Handle(string method, string path, JsonNode? body)
    {
        lock (_gate)
        {
            Log.Add(method + " " + path);
            try
            {
                return method switch
                {
                    "GET" => Get(path) is JsonNode r ? (200, r.DeepClone(), null) : (404, null, "NotFound: " + path),
                    "PUT" => Put(path, body?.AsObject() ?? new JsonObject()),
                    "DELETE" => Delete(path),
                    "POST" when path.EndsWith("/commit", StringComparison.OrdinalIgnoreCase) => Commit(path[..^"/commit".Length], body!),
                    "POST" when path.EndsWith("/listDeploymentStatus", StringComparison.OrdinalIgnoreCase) => (200, Status(path[..^"/listDeploymentStatus".Length], body), null),
                    _ => (405, null, "unexpected " + method + " " + path),
                };
            }
            catch (ArmRefusal e)
            {
                return (e.Status, null, e.Message);
            }
        }
    }

    private sealed class ArmRefusal(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    /// <summary>The ARM type of a resource id: the provider namespace and the types of each type/name pair.</summary>
    public static string TypeOf(string id)
    {
        var seg = id.Trim('/').Split('/');
        int p = Array.FindLastIndex(seg, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
        if (p < 0 || p + 1 >= seg.Length) throw new ArmRefusal(400, "not a resource id: " + id);
        var parts = new List<string> { seg[p + 1] };
        for (int i = p + 2; i < seg.Length; i += 2) parts.Add(seg[i]);
        return string.Join("/", parts);
    }

    private static string NameOf(string id) => id[(id.LastIndexOf('/') + 1)..];

    private static string ParentOf(string id) => id[..id.LastIndexOf('/', id.LastIndexOf('/') - 1)];

    private JsonObject? Find(string id) =>
        Resources.OfType<JsonObject>().FirstOrDefault(r => string.Equals((string?)r["id"], id, StringComparison.OrdinalIgnoreCase));

    private JsonNode? Get(string path)
    {
        if (InlineChildren.TryGetValue(TypeOf(path), out var array))
            return Find(ParentOf(path))?["properties"]?[array]?.AsArray().OfType<JsonObject>()
                .FirstOrDefault(c => string.Equals((string?)c["name"], NameOf(path), StringComparison.OrdinalIgnoreCase));
        return Find(path);
    }

    private (int, JsonNode?, string?) Put(string path, JsonObject body)
    {
        var type = TypeOf(path);
        var resource = new JsonObject { ["id"] = path, ["name"] = NameOf(path), ["type"] = type };
        foreach (var kv in body.Where(kv => kv.Key is not ("id" or "name" or "type" or "etag")).ToList()) resource[kv.Key] = kv.Value?.DeepClone();
        resource["properties"] ??= new JsonObject();
        if (InlineChildren.TryGetValue(type, out var array))
        {
            var parent = Find(ParentOf(path)) ?? throw new ArmRefusal(404, "ParentResourceNotFound: " + ParentOf(path));
            var children = (parent["properties"] ??= new JsonObject())[array] ??= new JsonArray();
            var list = children.AsArray();
            var existing = list.OfType<JsonObject>().FirstOrDefault(c => string.Equals((string?)c["name"], NameOf(path), StringComparison.OrdinalIgnoreCase));
            if (existing != null) list.Remove(existing);
            resource.Remove("type");
            list.Add(resource);
            return (existing != null ? 200 : 201, resource.DeepClone(), null);
        }
        var lower = type.ToLowerInvariant();
        if (lower.StartsWith("microsoft.network/networkmanagers/", StringComparison.Ordinal) && Find(ParentOf(path)) == null)
            throw new ArmRefusal(404, "ParentResourceNotFound: " + ParentOf(path));
        if (lower == "microsoft.network/networkmanagers/networkgroups/staticmembers")
        {
            var vnet = (string?)resource["properties"]?["resourceId"];
            if (vnet == null || Find(vnet) == null) throw new ArmRefusal(400, "InvalidResourceId: static member " + path + " names " + vnet);
        }
        if (lower == "microsoft.network/networkmanagers/connectivityconfigurations")
            foreach (var item in resource["properties"]?["appliesToGroups"]?.AsArray() ?? new JsonArray())
                if (Find((string?)item?["networkGroupId"] ?? "") == null) throw new ArmRefusal(400, "InvalidNetworkGroup: " + item?["networkGroupId"]);
        var old = Find(path);
        if (old != null) Resources.Remove(old);
        Resources.Add(resource);
        return (old != null ? 200 : 201, resource.DeepClone(), null);
    }

    private (int, JsonNode?, string?) Delete(string path)
    {
        var type = TypeOf(path).ToLowerInvariant();
        if (InlineChildren.TryGetValue(type, out var array))
        {
            var list = Find(ParentOf(path))?["properties"]?[array]?.AsArray();
            var child = list?.OfType<JsonObject>().FirstOrDefault(c => string.Equals((string?)c["name"], NameOf(path), StringComparison.OrdinalIgnoreCase));
            if (child == null) return (204, null, null);
            list!.Remove(child);
            return (200, null, null);
        }
        var resource = Find(path);
        if (resource == null) return (204, null, null);
        if (type == "microsoft.network/networkmanagers/connectivityconfigurations")
        {
            var regions = DeployedRegions(ParentOf(path), path);
            if (regions.Count > 0) throw new ArmRefusal(409, $"ConfigurationInUse: {NameOf(path)} is deployed in {string.Join(", ", regions)}; commit without it first");
        }
        if (type == "microsoft.network/networkmanagers/networkgroups")
        {
            var users = Resources.OfType<JsonObject>().Where(r => string.Equals((string?)r["type"], "Microsoft.Network/networkManagers/connectivityConfigurations", StringComparison.OrdinalIgnoreCase) &&
                (r["properties"]?["appliesToGroups"]?.AsArray() ?? new JsonArray()).Any(i => string.Equals((string?)i?["networkGroupId"], path, StringComparison.OrdinalIgnoreCase))).ToList();
            if (users.Count > 0) throw new ArmRefusal(409, $"NetworkGroupInUse: {string.Join(", ", users.Select(u => (string?)u["name"]))} applies to {NameOf(path)}");
            foreach (var member in Resources.OfType<JsonObject>().Where(r => ((string?)r["id"] ?? "").StartsWith(path + "/staticMembers/", StringComparison.OrdinalIgnoreCase)).ToList())
                Resources.Remove(member);
        }
        Resources.Remove(resource);
        return (200, null, null);
    }

    private JsonObject StatusResult(string manager)
    {
        var result = Results.OfType<JsonObject>().FirstOrDefault(r => (string?)r["operation"] == "listDeploymentStatus" && string.Equals((string?)r["scope"], manager, StringComparison.OrdinalIgnoreCase));
        if (result == null)
        {
            result = new JsonObject { ["operation"] = "listDeploymentStatus", ["scope"] = manager, ["body"] = new JsonObject { ["value"] = new JsonArray() } };
            Results.Add(result);
        }
        return result;
    }

    private List<string> DeployedRegions(string manager, string configuration) =>
        StatusResult(manager)["body"]!["value"]!.AsArray().OfType<JsonObject>()
            .Where(r => (string?)r["deploymentType"] == "Connectivity" && (string?)r["deploymentStatus"] == "Deployed" &&
                        (r["configurationIds"]?.AsArray() ?? new JsonArray()).Any(c => string.Equals((string?)c, configuration, StringComparison.OrdinalIgnoreCase)))
            .Select(r => (string)r["region"]!).ToList();

    private (int, JsonNode?, string?) Commit(string manager, JsonNode body)
    {
        if (Find(manager) == null) throw new ArmRefusal(404, "NotFound: " + manager);
        if ((string?)body["commitType"] != "Connectivity") throw new ArmRefusal(400, "only Connectivity commits are simulated");
        var ids = body["configurationIds"]!.AsArray().Select(i => (string)i!).ToList();
        foreach (var id in ids)
            if (Find(id) is not JsonObject c || !string.Equals((string?)c["type"], "Microsoft.Network/networkManagers/connectivityConfigurations", StringComparison.OrdinalIgnoreCase))
                throw new ArmRefusal(400, "InvalidConfiguration: configuration " + id + " does not exist");
        var rows = StatusResult(manager)["body"]!["value"]!.AsArray();
        foreach (var region in body["targetLocations"]!.AsArray().Select(r => (string)r!))
        {
            foreach (var old in rows.OfType<JsonObject>().Where(r => (string?)r["deploymentType"] == "Connectivity" && string.Equals((string?)r["region"], region, StringComparison.OrdinalIgnoreCase)).ToList())
                rows.Remove(old);
            rows.Add(new JsonObject
            {
                ["commitTime"] = Clock.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), ["region"] = region, ["deploymentStatus"] = "Deployed",
                ["configurationIds"] = new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()), ["deploymentType"] = "Connectivity", ["errorMessage"] = "",
            });
            Commits.Add((region, ids.ToList()));
        }
        return (202, null, null);
    }

    private JsonObject Status(string manager, JsonNode? body)
    {
        var regions = body?["regions"]?.AsArray().Select(r => (string)r!).ToList();
        var rows = new JsonArray();
        foreach (var row in StatusResult(manager)["body"]!["value"]!.AsArray().OfType<JsonObject>())
            if (regions == null || regions.Any(r => string.Equals(r, (string?)row["region"], StringComparison.OrdinalIgnoreCase)))
                rows.Add(row.DeepClone());
        return new JsonObject { ["value"] = rows };
    }

    // ------------------------------------------------------------------ Azure Policy membership

    /// <summary>
    /// Azure Policy adds VNets to a network group (effect addToNetworkGroup) when they match the rule of an assigned definition in
    /// the assignment's subscription; AVNM then reports, per VNet, the configurations that apply to it through its groups and are
    /// deployed in its region (listNetworkManagerEffectiveConnectivityConfigurations).
    /// </summary>
    private void EvaluatePolicyMembership()
    {
        var dynamic = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase); // vnet id -> group ids
        foreach (var assignment in Resources.OfType<JsonObject>().Where(r => string.Equals((string?)r["type"], "Microsoft.Authorization/policyAssignments", StringComparison.OrdinalIgnoreCase)))
        {
            var definition = Find((string?)assignment["properties"]?["policyDefinitionId"] ?? "");
            var rule = definition?["properties"]?["policyRule"];
            if (rule?["then"]?["effect"]?.GetValue<string>() is not string effect || !effect.Equals("addToNetworkGroup", StringComparison.OrdinalIgnoreCase)) continue;
            var group = (string?)rule["then"]!["details"]?["networkGroupId"];
            if (group == null || Find(group) == null) continue;
            var scope = ((string)assignment["id"]!).Split("/providers/Microsoft.Authorization", StringSplitOptions.None)[0];
            foreach (var vnet in Resources.OfType<JsonObject>().Where(r => ((string?)r["id"] ?? "").StartsWith(scope + "/", StringComparison.OrdinalIgnoreCase)))
                if (Matches(rule["if"]!, vnet))
                {
                    if (!dynamic.TryGetValue((string)vnet["id"]!, out var set)) dynamic[(string)vnet["id"]!] = set = new(StringComparer.OrdinalIgnoreCase);
                    set.Add(group);
                }
        }
        foreach (var old in Results.OfType<JsonObject>().Where(r => (string?)r["operation"] == "listNetworkManagerEffectiveConnectivityConfigurations").ToList())
            Results.Remove(old);
        if (dynamic.Count == 0) return;
        var staticMembers = Resources.OfType<JsonObject>().Where(r => string.Equals((string?)r["type"], "Microsoft.Network/networkManagers/networkGroups/staticMembers", StringComparison.OrdinalIgnoreCase)).ToList();
        var configurations = Resources.OfType<JsonObject>().Where(r => string.Equals((string?)r["type"], "Microsoft.Network/networkManagers/connectivityConfigurations", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var (vnetId, groups) in dynamic)
        {
            var vnet = Find(vnetId)!;
            foreach (var m in staticMembers.Where(m => string.Equals((string?)m["properties"]?["resourceId"], vnetId, StringComparison.OrdinalIgnoreCase)))
                groups.Add(ParentOf((string)m["id"]!));
            var value = new JsonArray();
            foreach (var c in configurations)
            {
                var applied = (c["properties"]?["appliesToGroups"]?.AsArray() ?? new JsonArray()).Select(i => (string?)i?["networkGroupId"]).Where(g => g != null && groups.Contains(g)).ToList();
                if (applied.Count == 0) continue;
                var region = (string?)vnet["location"] ?? "";
                if (!DeployedRegions(ParentOf((string)c["id"]!), (string)c["id"]!).Contains(region, StringComparer.OrdinalIgnoreCase)) continue;
                value.Add(new JsonObject { ["id"] = (string)c["id"]!, ["configurationGroups"] = new JsonArray(applied.Select(g => (JsonNode)new JsonObject { ["id"] = g }).ToArray()) });
            }
            Results.Add(new JsonObject { ["operation"] = "listNetworkManagerEffectiveConnectivityConfigurations", ["scope"] = vnetId, ["body"] = new JsonObject { ["value"] = value } });
        }
    }

    /// <summary>An Azure Policy condition: allOf, anyOf, not; field type, name, location, id or tags['k'] with equals, notEquals, like or in.</summary>
    private static bool Matches(JsonNode condition, JsonObject resource)
    {
        if (condition["allOf"] is JsonArray all) return all.All(c => Matches(c!, resource));
        if (condition["anyOf"] is JsonArray any) return any.Any(c => Matches(c!, resource));
        if (condition["not"] is JsonNode not) return !Matches(not, resource);
        var field = (string?)condition["field"] ?? throw new InvalidOperationException("policy condition without field: " + condition.ToJsonString());
        string? value = field switch
        {
            "type" => (string?)resource["type"],
            "name" => (string?)resource["name"],
            "location" => (string?)resource["location"],
            "id" => (string?)resource["id"],
            _ when field.StartsWith("tags['", StringComparison.Ordinal) => (string?)resource["tags"]?[field[6..^2]],
            _ when field.StartsWith("tags.", StringComparison.Ordinal) => (string?)resource["tags"]?[field[5..]],
            _ => throw new InvalidOperationException("policy field not simulated: " + field),
        };
        if (condition["equals"] is JsonNode eq) return string.Equals(value, (string?)eq, StringComparison.OrdinalIgnoreCase);
        if (condition["notEquals"] is JsonNode ne) return !string.Equals(value, (string?)ne, StringComparison.OrdinalIgnoreCase);
        if (condition["in"] is JsonArray set) return set.Any(s => string.Equals(value, (string?)s, StringComparison.OrdinalIgnoreCase));
        if (condition["like"] is JsonNode like)
            return value != null && System.Text.RegularExpressions.Regex.IsMatch(value, "^" + System.Text.RegularExpressions.Regex.Escape((string)like!).Replace("\\*", ".*") + "$",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        throw new InvalidOperationException("policy condition not simulated: " + condition.ToJsonString());
    }
}
