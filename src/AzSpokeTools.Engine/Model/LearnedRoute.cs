using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>One row of a gateway's getLearnedRoutes result (GatewayRoute).</summary>
    public sealed class LearnedRoute
    {
        public IpPrefix Network { get; internal set; }
        public string? NextHop { get; internal set; }
        public string? SourcePeer { get; internal set; }
        /// <summary>EBgp, IBgp or Network.</summary>
        public string? Origin { get; internal set; }
        public string? AsPath { get; internal set; }
        public string? LocalAddress { get; internal set; }
    }
}
