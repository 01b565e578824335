using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/expressRouteCircuits, with Global Reach links of its private peering.</summary>
    public sealed class ExpressRouteCircuit : AzureResource
    {
        /// <summary>Circuits linked by Global Reach (expressRouteCircuitConnections / peerExpressRouteCircuitPeering).</summary>
        public IReadOnlyList<ResourceId> GlobalReachCircuitIds { get; internal set; } = new List<ResourceId>();

        internal static ExpressRouteCircuit Read(ArmValue n, ResourceId id, string type)
        {
            var c = new ExpressRouteCircuit();
            c.ReadCommon(n, id, type);
            var linked = new List<ResourceId>();
            foreach (var peering in n.Array("peerings"))
            {
                foreach (var conn in peering.Array("connections"))
                {
                    // The peer is a circuit peering id: .../expressRouteCircuits/{c}/peerings/AzurePrivatePeering
                    var peer = conn.Ref("peerExpressRouteCircuitPeering");
                    if (peer?.Parent is ResourceId circuit && !linked.Contains(circuit)) linked.Add(circuit);
                }
            }
            c.GlobalReachCircuitIds = linked;
            return c;
        }
    }
}
