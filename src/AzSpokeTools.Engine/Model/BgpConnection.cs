using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Microsoft.Network/virtualHubs/bgpConnections: one BGP peer (an NVA) of an Azure Route Server. Its learned and
    /// advertised routes are ARM actions (<c>learnedRoutes</c> / <c>advertisedRoutes</c>), captured in a snapshot as results
    /// <c>getLearnedRoutes</c> / <c>getAdvertisedRoutes</c> scoped to this connection (<see cref="Topology.LearnedRoutes"/>,
    /// <see cref="Topology.AdvertisedRoutes"/>).
    /// </summary>
    public sealed class BgpConnection : AzureResource
    {
        /// <summary>The Route Server (virtual hub) the connection belongs to.</summary>
        public ResourceId HubId { get; internal set; }
        /// <summary>The NVA's BGP address (peerIp).</summary>
        public IpAddressValue? PeerIp { get; internal set; }
        /// <summary>The BGP peer's AS number.</summary>
        public long? PeerAsn { get; internal set; }
        /// <summary>connectionState as ARM reports it (Connected, Connecting, NotConnected, Unknown); null when absent.</summary>
        public string? ConnectionState { get; internal set; }
        /// <summary>Set for a Virtual WAN hub's BGP peer behind a hub virtual network connection.</summary>
        public ResourceId? HubVirtualNetworkConnectionId { get; internal set; }

        internal static BgpConnection Read(ArmValue n, ResourceId id, string type)
        {
            var c = new BgpConnection();
            c.ReadCommon(n, id, type);
            c.HubId = id.Parent ?? id;
            var ip = n.Str("peerIp");
            if (ip != null)
            {
                if (IpAddressValue.TryParse(ip, out var a)) c.PeerIp = a;
                else n.Context.Error(n.Get("peerIp")!.Value.Location, $"peerIp '{ip}' is not an IP address");
            }
            if (n.Get("peerAsn") is ArmValue asn && long.TryParse(asn.AsString(), out var asnValue)) c.PeerAsn = asnValue;
            c.ConnectionState = n.Str("connectionState");
            c.HubVirtualNetworkConnectionId = n.Ref("hubVirtualNetworkConnection");
            return c;
        }

        /// <inheritdoc/>
        public override string ToString() => Name;
    }
}
