using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>One row of a gateway's getLearnedRoutes result (GatewayRoute).</summary>
    public sealed class LearnedRoute
    {
        /// <summary>The prefix learned.</summary>
        public IpPrefix Network { get; internal set; }
        /// <summary>The next hop IP address.</summary>
        public string? NextHop { get; internal set; }
        /// <summary>The peer the route was learned from.</summary>
        public string? SourcePeer { get; internal set; }
        /// <summary>EBgp, IBgp or Network.</summary>
        public string? Origin { get; internal set; }
        /// <summary>The AS path.</summary>
        public string? AsPath { get; internal set; }
        /// <summary>The gateway instance address that learned it.</summary>
        public string? LocalAddress { get; internal set; }
    }
}
