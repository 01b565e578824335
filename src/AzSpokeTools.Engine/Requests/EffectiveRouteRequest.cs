using System;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Get-SpokeEffectiveRoute / <c>azspoke routes</c>: the effective routes of one subnet or NIC.
    /// Exactly one of <see cref="Subnet"/>, <see cref="NetworkInterface"/> (<c>--subnet</c>, <c>--nic</c>) and <see cref="Target"/>
    /// (the cmdlet's one target parameter, told apart by its form) is given.
    /// </summary>
    public sealed class EffectiveRouteRequest
    {
        /// <summary>Snapshot file, directory or sample:NAME (ignored when <see cref="Topology"/> is set).</summary>
        public string? Snapshot { get; set; }
        /// <summary>An already loaded topology; takes precedence over a snapshot.</summary>
        public Topology? Topology { get; set; }
        /// <summary>VNET/SUBNET or a subnet resource id.</summary>
        public string? Subnet { get; set; }
        /// <summary>A NIC name or resource id.</summary>
        public string? NetworkInterface { get; set; }
        /// <summary>A subnet or a NIC, by its form: a subnet or NIC resource id, VNET/SUBNET, or a NIC name.</summary>
        public string? Target { get; set; }
        /// <summary>Optional service tags to resolve tag prefixes.</summary>
        public ServiceTagCatalog? ServiceTags { get; set; }
        /// <summary>Optional path of Azure's service-tag file (ServiceTags_Public_*.json); loaded when <see cref="ServiceTags"/> is not set.</summary>
        public string? ServiceTagFile { get; set; }

        /// <summary>Runs the request, reporting through <paramref name="host"/>; bad parameters throw <see cref="EngineInputException"/>.</summary>
        public EffectiveRouteTable Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            string? subnet = Subnet, nic = NetworkInterface;
            bool hasSubnet = !string.IsNullOrWhiteSpace(subnet), hasNic = !string.IsNullOrWhiteSpace(nic), hasTarget = !string.IsNullOrWhiteSpace(Target);
            if (hasTarget && (hasSubnet || hasNic)) throw new EngineInputException("Target", "give the target, or a subnet or a network interface, not both");
            if (hasTarget)
            {
                (subnet, nic) = RouteTarget.Classify(Target!.Trim());
                hasSubnet = subnet != null;
                hasNic = nic != null;
            }
            if (hasSubnet == hasNic)
                throw new EngineInputException(hasSubnet ? "NetworkInterface" : "Subnet", "give either a subnet (VNET/SUBNET or id) or a network interface, not both");
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            var calculator = new EffectiveRouteCalculator(topology, ServiceTags ?? TopologyInput.ServiceTags(ServiceTagFile));
            EffectiveRouteTable table;
            if (hasSubnet) table = calculator.ForSubnet(RequestNames.Subnet(topology, subnet!, "Subnet"));
            else
            {
                var resolved = RequestNames.NetworkInterface(topology, nic!, "NetworkInterface");
                // A NIC exported without its virtual network (a single NIC GET body) names a subnet the snapshot lacks.
                if (calculator.SubnetOf(resolved, out var subnetId) == null)
                    throw new EngineInputException("NetworkInterface", subnetId != null
                        ? $"network interface {resolved.Name} is in subnet {subnetId}, which is not in the snapshot; add its virtual network to the snapshot"
                        : $"network interface {resolved.Name} has no IP configuration in a subnet");
                table = calculator.ForNetworkInterface(resolved);
            }
            foreach (var u in table.Unknowns) host.Warning(u);
            foreach (var a in table.Assumptions) host.Verbose("assumed: " + a);
            return table;
        }
    }
}
