using System.Text.Json.Nodes;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>What a planned ARM request does.</summary>
    public enum PlannedRequestKind
    {
        /// <summary>PUT of a resource the plan owns (network manager, group, static member, configuration); preceded by an ownership read.</summary>
        CreateOrUpdate,
        /// <summary>POST listDeploymentStatus: the region's current commit, read right before committing.</summary>
        ReadDeploymentStatus,
        /// <summary>POST commit: the region's full configuration set.</summary>
        Commit,
    }

    /// <summary>
    /// One ARM request the apply step sends, in order. The engine plans them (no I/O); the live layer sends them,
    /// asking <see cref="Hosting.IEngineHost.ShouldProcess"/> before every write.
    /// </summary>
    public sealed class PlannedArmRequest
    {
        internal PlannedArmRequest(int step, PlannedRequestKind kind, string method, string path, JsonObject? body, string target, string action, string? region, bool write)
        {
            Step = step; Kind = kind; Method = method; Path = path; Body = body; Target = target; Action = action; Region = region; IsWrite = write;
        }

        public int Step { get; }
        public PlannedRequestKind Kind { get; }
        /// <summary>GET, PUT or POST.</summary>
        public string Method { get; }
        /// <summary>The ARM path (resource id, or resource id + /commit or /listDeploymentStatus), without the query.</summary>
        public string Path { get; }
        public string ApiVersion => AvnmApi.Version;
        public string PathAndQuery => Path + "?api-version=" + ApiVersion;
        /// <summary>The body as planned; for a commit the live layer adds the configurations read from the region's current status.</summary>
        public JsonObject? Body { get; }
        /// <summary>The ShouldProcess target.</summary>
        public string Target { get; }
        /// <summary>The ShouldProcess action.</summary>
        public string Action { get; }
        public string? Region { get; }
        /// <summary>True for requests that change Azure (gated by ShouldProcess).</summary>
        public bool IsWrite { get; }

        public override string ToString() => $"{Method} {PathAndQuery}" + (Body != null ? " " + Body.ToJsonString(IacText.Compact) : "");
    }
}
