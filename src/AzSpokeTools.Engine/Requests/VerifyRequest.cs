using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Verification;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary><c>azspoke verify</c> / Get-SpokeEffectiveRoute -Verify: computed versus captured effective routes, NIC by NIC.</summary>
    public sealed class VerifyRequest
    {
        /// <summary>The snapshot to load (a file, a folder or sample:NAME), when <see cref="Topology"/> is not given.</summary>
        public string? Snapshot { get; set; }
        /// <summary>An already loaded topology; takes precedence over a snapshot.</summary>
        public Topology? Topology { get; set; }
        /// <summary>
        /// The network interfaces to compare (each a name, a resource id, or a pattern over NIC names with <c>*</c> and <c>?</c>);
        /// empty: every NIC whose effective route table the snapshot captured.
        /// </summary>
        public IReadOnlyList<string> NetworkInterface { get; set; } = Array.Empty<string>();

        /// <summary>Runs the request, reporting through <paramref name="host"/>; bad parameters throw <see cref="EngineInputException"/>.</summary>
        public IReadOnlyList<NicVerification> Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            if (topology.CapturedEffectiveRoutes.Count == 0)
                throw new EngineInputException("Snapshot", "the snapshot has no captured NIC effective routes (results with operation effectiveRouteTable); export with --include-effective-routes, or compare learned-route tables (verify --learned-routes)");
            var all = EffectiveRouteVerification.Verify(topology);
            var results = NetworkInterface.Count == 0 ? all : NetworkInterface.SelectMany(t => Select(topology, all, t)).Distinct().ToList();
            foreach (var r in results.Where(r => r.Error != null)) host.Warning($"{r.Name}: {r.Error}");
            return results;
        }

        /// <summary>
        /// <c>azspoke verify --security-rules</c>: each NIC's captured effectiveNetworkSecurityGroups against the NSGs and rules the engine
        /// evaluates for it, service tags expanded as the engine expands them.
        /// </summary>
        public IReadOnlyList<NicSecurityVerification> ExecuteSecurityRules(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            if (topology.CapturedEffectiveSecurityGroups.Count == 0)
                throw new EngineInputException("Snapshot", "the snapshot has no captured NIC effective security rules (results with operation effectiveNetworkSecurityGroups); export with --include-effective-security-rules");
            var results = SecurityRuleVerification.Verify(topology);
            foreach (var r in results.Where(r => r.Error != null)) host.Warning($"{r.Name}: {r.Error}");
            return results;
        }

        /// <summary>
        /// The verifications of the network interfaces <paramref name="target"/> names, among <paramref name="all"/> (this request's
        /// answer for every NIC): a pattern with <c>*</c> or <c>?</c> selects every match over NIC names (possibly none); a name or
        /// resource id is resolved as everywhere else, and one without a captured table is CapturedEffectiveRouteTableNotFound.
        /// </summary>
        /// <exception cref="EngineInputException">A resource id of another type (parameter ResourceId), or a name the snapshot lacks.</exception>
        /// <exception cref="ResourceNotFoundException">The NIC has no captured effective route table.</exception>
        public static IReadOnlyList<NicVerification> Select(Topology topology, IReadOnlyList<NicVerification> all, string target)
        {
            if (topology == null) throw new ArgumentNullException(nameof(topology));
            if (all == null) throw new ArgumentNullException(nameof(all));
            if (string.IsNullOrWhiteSpace(target)) throw new EngineInputException("NetworkInterface", "give a network interface name, resource id or pattern");
            if (target.IndexOfAny(new[] { '*', '?' }) >= 0)
                return all.Where(v => NameGlob.Matches(target, v.Name)).ToList();
            if (RouteTarget.IsResourceId(target) && ResourceId.TryParse(target, out var id) && id.ResourceType != null &&
                !string.Equals(id.ResourceType, RouteTarget.NetworkInterfaceType, StringComparison.OrdinalIgnoreCase))
                throw new EngineInputException("ResourceId", $"{target} is a {id.ResourceType}; verification compares network interfaces ({RouteTarget.NetworkInterfaceType})");
            var captured = all.FirstOrDefault(v => string.Equals(v.NetworkInterfaceId.Value, target, StringComparison.OrdinalIgnoreCase));
            if (captured != null) return new[] { captured };
            var nic = RequestNames.NetworkInterface(topology, target, "NetworkInterface");
            captured = all.FirstOrDefault(v => v.NetworkInterfaceId.Equals(nic.Id));
            if (captured != null) return new[] { captured };
            throw new ResourceNotFoundException("captured effective route table", target,
                $"The snapshot has no captured effective route table for {nic.Id.Value}; export it with --include-effective-routes (Export-SpokeTopology -IncludeEffectiveRoutes).");
        }

        /// <summary>
        /// <c>azspoke verify --learned-routes</c>: each captured learned-route table (gateway getLearnedRoutes, Route Server BGP
        /// connection getAdvertisedRoutes) against the one derived from the topology.
        /// </summary>
        public IReadOnlyList<LearnedRouteTableVerification> ExecuteLearnedRoutes(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            bool gatewayCaptures = topology.VirtualNetworkGateways.Any(g => topology.LearnedRoutes.ContainsKey(g.Id));
            if (!gatewayCaptures && topology.AdvertisedRoutes.Count == 0)
                throw new EngineInputException("Snapshot", "the snapshot has no captured learned-route tables (results getLearnedRoutes on a virtual network gateway, getAdvertisedRoutes on a Route Server BGP connection); export with --include-learned-routes");
            var results = LearnedRouteVerification.Verify(topology);
            foreach (var r in results.Where(r => r.Error != null)) host.Warning($"{r.Name}: {r.Error}");
            return results;
        }
    }
}
