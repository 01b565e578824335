using System.Collections.Generic;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Access for the matrix's pairs: the same walk as a path's (<see cref="AccessWalk"/>) over the first equal-cost path's forwarding
    /// devices, from the source endpoint's host to the destination endpoint's, without checks or notes. Hosts are compiled once per endpoint.
    /// </summary>
    internal sealed class MatrixAccess
    {
        private readonly Topology _topology;
        private readonly IReadOnlyList<PathMatrixEndpoint> _endpoints;
        private readonly SecurityEvaluator _security;
        private readonly SecurityHost?[] _hosts;

        public MatrixAccess(Topology topology, IReadOnlyList<PathMatrixEndpoint> endpoints, SecurityEvaluator security)
        {
            _topology = topology;
            _endpoints = endpoints;
            _security = security;
            _hosts = new SecurityHost?[endpoints.Count];
        }

        private SecurityHost Host(int e)
        {
            var h = _hosts[e];
            if (h == null)
            {
                var ep = _endpoints[e];
                _hosts[e] = h = _security.Host(ep.Subnet, _security.NicAt(ep.Subnet, ep.Address));
            }
            return h;
        }

        /// <summary>The access of <paramref name="flow"/> from endpoint <paramref name="i"/> to <paramref name="j"/> along <paramref name="path"/>.</summary>
        public AccessVerdict Evaluate(int i, int j, PathSummary path, Flow flow, out SecurityRuleReference? rule) =>
            AccessWalk.RunFlow(_security, _topology, Host(i), path.Devices, path.Outcome == PathOutcome.Delivered ? Host(j) : null, flow,
                _endpoints[i].Address, _endpoints[j].Address, null, out rule);

        /// <summary>True when every allow flow of <paramref name="intent"/> is Allowed and every deny flow Denied.</summary>
        public bool Complies(int i, int j, PathSummary path, IntentDecision intent)
        {
            foreach (var f in intent.Allow)
                if (Evaluate(i, j, path, f, out _) != AccessVerdict.Allowed) return false;
            foreach (var f in intent.Deny)
                if (Evaluate(i, j, path, f, out _) != AccessVerdict.Denied) return false;
            return true;
        }
    }
}
