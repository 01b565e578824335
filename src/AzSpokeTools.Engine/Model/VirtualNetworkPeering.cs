using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// One side of a VNet peering (each side is a separate object owned by its local VNet,
    /// docs/routing-model.md#peering-flags). Flags absent from the input are null (unknown).
    /// </summary>
    public sealed class VirtualNetworkPeering
    {
        /// <summary>The peering's resource id.</summary>
        public ResourceId Id { get; internal set; }
        /// <summary>The peering's name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>The VNet the peering belongs to.</summary>
        public VirtualNetwork Local { get; internal set; } = null!;
        /// <summary>The peered VNet.</summary>
        public ResourceId? RemoteVirtualNetworkId { get; internal set; }
        /// <summary>allowVirtualNetworkAccess.</summary>
        public bool? AllowVirtualNetworkAccess { get; internal set; }
        /// <summary>allowForwardedTraffic.</summary>
        public bool? AllowForwardedTraffic { get; internal set; }
        /// <summary>allowGatewayTransit.</summary>
        public bool? AllowGatewayTransit { get; internal set; }
        /// <summary>useRemoteGateways.</summary>
        public bool? UseRemoteGateways { get; internal set; }
        /// <summary>Connected, Initiated or Disconnected.</summary>
        public string? PeeringState { get; internal set; }
        /// <summary>The peering's sync level.</summary>
        public string? PeeringSyncLevel { get; internal set; }
        /// <summary>The peered prefixes (remoteAddressSpace); used for the peering routes.</summary>
        public IReadOnlyList<IpPrefix> RemoteAddressSpace { get; internal set; } = new List<IpPrefix>();
        /// <summary>The remote VNet's current address space (remoteVirtualNetworkAddressSpace).</summary>
        public IReadOnlyList<IpPrefix> RemoteVirtualNetworkAddressSpace { get; internal set; } = new List<IpPrefix>();
        /// <summary>Subnet peering: false when only the listed subnets are peered (docs/routing-model.md#peering-routes).</summary>
        public bool? PeerCompleteVnets { get; internal set; }
        /// <summary>The local subnets of a subnet peering.</summary>
        public IReadOnlyList<string> LocalSubnetNames { get; internal set; } = new List<string>();
        /// <summary>The remote subnets of a subnet peering.</summary>
        public IReadOnlyList<string> RemoteSubnetNames { get; internal set; } = new List<string>();
        /// <summary>True when only IPv6 is peered.</summary>
        public bool? EnableOnlyIPv6Peering { get; internal set; }
        /// <summary>Where the peering was read.</summary>
        public SourceLocation Source { get; internal set; }

        // docs/routing-model.md#peering-routes: the peering exists only once both sides read Connected.
        /// <summary>True when the peering state is Connected.</summary>
        public bool IsConnected => string.Equals(PeeringState, "Connected", StringComparison.OrdinalIgnoreCase);

        /// <summary>True when the peering is a subnet peering (peerCompleteVnets false).</summary>
        public bool IsSubnetPeering => PeerCompleteVnets == false;

        internal static VirtualNetworkPeering? Read(ArmValue n, VirtualNetwork local)
        {
            var name = n.Own("name")?.AsString();
            ResourceId id;
            if (!ResourceId.TryParse(n.Own("id")?.AsString(), out id))
            {
                if (string.IsNullOrEmpty(name))
                {
                    n.Context.Error(n.Location, "peering has neither id nor name");
                    return null;
                }
                id = local.Id.Child("virtualNetworkPeerings", name!);
            }
            var p = new VirtualNetworkPeering { Id = id, Name = name ?? id.Name, Local = local, Source = n.Location };
            p.RemoteVirtualNetworkId = n.Ref("remoteVirtualNetwork");
            if (p.RemoteVirtualNetworkId == null)
                n.Context.Warn(n.Location, $"peering {local.Name}/{p.Name} has no remoteVirtualNetwork id");
            p.AllowVirtualNetworkAccess = n.Bool("allowVirtualNetworkAccess");
            p.AllowForwardedTraffic = n.Bool("allowForwardedTraffic");
            p.AllowGatewayTransit = n.Bool("allowGatewayTransit");
            p.UseRemoteGateways = n.Bool("useRemoteGateways");
            p.PeeringState = n.Str("peeringState");
            p.PeeringSyncLevel = n.Str("peeringSyncLevel");
            // Get-AzVirtualNetworkPeering names remoteAddressSpace "PeeredRemoteAddressSpace".
            p.RemoteAddressSpace = n.AddressSpace("remoteAddressSpace", "peeredRemoteAddressSpace");
            p.RemoteVirtualNetworkAddressSpace = n.AddressSpace("remoteVirtualNetworkAddressSpace");
            p.PeerCompleteVnets = n.Bool("peerCompleteVnets");
            p.LocalSubnetNames = n.Strings("localSubnetNames");
            p.RemoteSubnetNames = n.Strings("remoteSubnetNames");
            p.EnableOnlyIPv6Peering = n.Bool("enableOnlyIPv6Peering");
            return p;
        }

        /// <inheritdoc/>
        public override string ToString() => Local.Name + "/" + Name;
    }
}
