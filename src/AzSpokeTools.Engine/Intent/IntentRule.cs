using System.Collections.Generic;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Intent
{
    /// <summary>
    /// One intent rule: <c>from</c> / <c>to</c> (group names or *), <c>expect</c> (the path's kind must be one of them),
    /// <c>require</c> (each must appear in the transits), <c>forbid</c> (none may appear), and the flows the path must <c>allow</c> and <c>deny</c>. First matching rule wins.
    /// </summary>
    internal sealed class IntentRule
    {
        public string Name { get; internal set; } = "";
        public List<string> From { get; } = new List<string>();
        public List<string> To { get; } = new List<string>();
        public List<PathKind> Expect { get; } = new List<PathKind>();
        public List<PathKind> Require { get; } = new List<PathKind>();
        public List<PathKind> Forbid { get; } = new List<PathKind>();
        /// <summary><c>allow: [443/tcp, ...]</c>: flows the path must admit (access Allowed).</summary>
        public List<Security.Flow> Allow { get; } = new List<Security.Flow>();
        /// <summary><c>deny: [22/tcp, ...]</c>: flows the path must not admit (access Denied).</summary>
        public List<Security.Flow> Deny { get; } = new List<Security.Flow>();
        /// <summary>Where the rule is in its file ($.rules[i]).</summary>
        public string Path { get; internal set; } = "";
    }
}
