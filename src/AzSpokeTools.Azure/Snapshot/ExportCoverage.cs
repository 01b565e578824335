using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Azure.Snapshot
{
    /// <summary>
    /// What a capture could not read, written as the snapshot's <c>coverage</c>:
    /// <code>
    /// "coverage": {
    ///   "complete": false,
    ///   "denied": [ { "scope": "/subscriptions/ID", "type": null, "operation": null, "status": 403, "message": "AuthorizationFailed: ..." } ],
    ///   "failed": [ { "scope": "/subscriptions/.../networkInterfaces/nic1", "type": null, "operation": "effectiveRouteTable", "status": 404, "message": "..." } ]
    /// }
    /// </code>
    /// <c>denied</c>: 401/403 answers; <c>scope</c> is a subscription, a management group
    /// (<c>/providers/Microsoft.Management/managementGroups/NAME</c>) or a resource id; <c>type</c> is the
    /// lower-case resource type that could not be listed under that scope (null: nothing under the scope
    /// was read); <c>operation</c> names the ARM action for action results (null for reads).
    /// <c>failed</c>: the same shape for other per-item failures that do not stop the capture (a resource
    /// gone while it was read, a long-running action that failed or outlasted its limit, a truncated
    /// Resource Graph result). <c>complete</c> is true only when both lists are empty.
    /// </summary>
    internal sealed class ExportCoverage
    {
        private readonly List<CoverageGap> _denied = new List<CoverageGap>();
        private readonly List<CoverageGap> _failed = new List<CoverageGap>();

        public IReadOnlyList<CoverageGap> Denied => _denied;

        public IReadOnlyList<CoverageGap> Failed => _failed;

        public bool Complete => _denied.Count == 0 && _failed.Count == 0;

        public void Deny(string scope, string? type, string? operation, int status, string message)
            => _denied.Add(new CoverageGap(scope, type, operation, status, message));

        public void Fail(string scope, string? type, string? operation, int status, string message)
            => _failed.Add(new CoverageGap(scope, type, operation, status, message));

        public JsonObject ToJson() => new JsonObject
        {
            ["complete"] = Complete,
            ["denied"] = new JsonArray(_denied.Select(g => (JsonNode)g.ToJson()).ToArray()),
            ["failed"] = new JsonArray(_failed.Select(g => (JsonNode)g.ToJson()).ToArray()),
        };
    }

    /// <summary>One entry of <c>coverage.denied</c> or <c>coverage.failed</c>.</summary>
    internal sealed class CoverageGap
    {
        public CoverageGap(string scope, string? type, string? operation, int status, string message)
        {
            Scope = scope;
            Type = type;
            Operation = operation;
            Status = status;
            Message = message;
        }

        public string Scope { get; }
        public string? Type { get; }
        public string? Operation { get; }
        public int Status { get; }
        public string Message { get; }

        public JsonObject ToJson() => new JsonObject
        {
            ["scope"] = Scope,
            ["type"] = Type,
            ["operation"] = Operation,
            ["status"] = Status,
            ["message"] = Message,
        };
    }
}
