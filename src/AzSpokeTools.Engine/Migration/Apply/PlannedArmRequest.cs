using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>What a planned ARM request does.</summary>
    public enum PlannedRequestKind
    {
        /// <summary>PUT of a resource the plan owns (network manager, group, static member, configuration, policy); AVNM ones are checked for ownership first.</summary>
        CreateOrUpdate,
        /// <summary>DELETE of a resource: a user-defined route the mesh replaces, or a temporary AVNM resource the plan owns.</summary>
        Delete,
        /// <summary>Read a resource, set one boolean property, PUT it back (peering and gateway settings of the decommission phase).</summary>
        Update,
        /// <summary>POST listDeploymentStatus: the region's current commit, read right before committing.</summary>
        ReadDeploymentStatus,
        /// <summary>POST commit: the region's full configuration set.</summary>
        Commit,
        /// <summary>POST listDeploymentStatus before the decommission phase: the final wave must be Deployed for the soak time.</summary>
        CheckSoak,
    }

    /// <summary>
    /// One ARM request the apply step sends, in order. The engine plans them (no I/O); the live layer sends them,
    /// asking <see cref="Hosting.IEngineHost.ShouldProcess"/> before every write.
    /// </summary>
    public sealed class PlannedArmRequest
    {
        internal PlannedArmRequest(int step, PlannedRequestKind kind, string method, string path, JsonObject? body, string target, string action, string? region, bool write, string apiVersion)
        {
            Step = step; Kind = kind; Method = method; Path = path; Body = body; Target = target; Action = action; Region = region; IsWrite = write; ApiVersion = apiVersion;
        }

        /// <summary>The request's position in the plan.</summary>
        public int Step { get; }
        /// <summary>What the request does (create or update, delete, update, read deployment status, commit, check the soak).</summary>
        public PlannedRequestKind Kind { get; }
        /// <summary>GET, PUT, POST or DELETE (an Update reads with GET and writes with PUT).</summary>
        public string Method { get; }
        /// <summary>The ARM path (resource id, or resource id + /commit or /listDeploymentStatus), without the query.</summary>
        public string Path { get; }
        /// <summary>The ARM API version used.</summary>
        public string ApiVersion { get; }
        /// <summary>The request's path and query string.</summary>
        public string PathAndQuery => Path + "?api-version=" + ApiVersion;
        /// <summary>The body as planned; for a commit the live layer completes it with what the region's current status shows.</summary>
        public JsonObject? Body { get; }
        /// <summary>The ShouldProcess target.</summary>
        public string Target { get; }
        /// <summary>The ShouldProcess action.</summary>
        public string Action { get; }
        /// <summary>The region a commit request deploys, when it is one.</summary>
        public string? Region { get; }
        /// <summary>True for requests that change Azure (gated by ShouldProcess).</summary>
        public bool IsWrite { get; }
        /// <summary>Commit: configurations the plan adds to what is active in the region.</summary>
        public IReadOnlyList<string> Add { get; internal set; } = Array.Empty<string>();
        /// <summary>Commit: configurations the plan takes out (its own configuration at a handover).</summary>
        public IReadOnlyList<string> Remove { get; internal set; } = Array.Empty<string>();
        /// <summary>
        /// Commit: configurations that must not be active in the region yet (an adopted configuration before its handover). When
        /// the live status shows one, the snapshot the plan was made from is out of date and apply stops.
        /// </summary>
        public IReadOnlyList<string> MustNotBeActive { get; internal set; } = Array.Empty<string>();
        /// <summary>Update: the property under properties to set, and its value.</summary>
        public string? Property { get; internal set; }
        /// <summary>Update: the value <see cref="Property"/> is set to.</summary>
        public bool Value { get; internal set; }
        /// <summary>True when the resource belongs to the plan (AVNM resources): apply checks the ownership marker before writing.</summary>
        public bool NeedsOwnership { get; internal set; }

        /// <inheritdoc/>
        public override string ToString() => $"{Method} {PathAndQuery}" + (Body != null ? " " + Body.ToJsonString(IacText.Compact) : Property != null ? $" (set properties.{Property} = {(Value ? "true" : "false")})" : "");
    }
}
