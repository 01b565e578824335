using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Verification;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary><c>azspoke verify</c> / the -Verify switch: computed versus captured effective routes, NIC by NIC.</summary>
    public sealed class VerifyRequest
    {
        /// <summary>The snapshot to load (a file, a folder or sample:NAME), when <see cref="Topology"/> is not given.</summary>
        public string? Snapshot { get; set; }
        /// <summary>An already loaded topology; takes precedence over a snapshot.</summary>
        public Topology? Topology { get; set; }

        /// <summary>Runs the request, reporting through <paramref name="host"/>; bad parameters throw <see cref="EngineInputException"/>.</summary>
        public IReadOnlyList<NicVerification> Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            if (topology.CapturedEffectiveRoutes.Count == 0)
                throw new EngineInputException("Snapshot", "the snapshot has no captured NIC effective routes (results with operation effectiveRouteTable); export with --include-effective-routes, or compare learned-route tables (verify --learned-routes)");
            var results = EffectiveRouteVerification.Verify(topology);
            foreach (var r in results.Where(r => r.Error != null)) host.Warning($"{r.Name}: {r.Error}");
            return results;
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
