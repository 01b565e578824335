using System.Collections.Generic;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Access for the matrix's pairs: the same walk as a path's (<see cref="AccessWalk"/>) over the first equal-cost path's forwarding
    /// devices, from the source endpoint's host to the destination endpoint's, without checks or notes. Hosts are compiled once per endpoint,
    /// and pairs that must get the same answer share it (<see cref="PairAccessMemo"/>).
    /// </summary>
    internal sealed class MatrixAccess
    {
        private readonly PairAccessMemo _memo;

        /// <param name="topology">The topology the endpoints are in.</param>
        /// <param name="endpoints">The matrix's endpoints, by index.</param>
        /// <param name="security">The worker's rule evaluator (its route tables may be shared with other workers).</param>
        /// <param name="start">The endpoint whose host is built first (then the following ones, wrapping round): workers that share
        /// the endpoints' route tables start at different endpoints, so that they compute different tables.</param>
        public MatrixAccess(Topology topology, IReadOnlyList<PathMatrixEndpoint> endpoints, SecurityEvaluator security, int start = 0)
        {
            var hosts = new SecurityHost[endpoints.Count];
            for (int k = 0; k < hosts.Length; k++)
            {
                int e = (start + k) % hosts.Length;
                var ep = endpoints[e];
                hosts[e] = security.Host(ep.Subnet, security.NicAt(ep.Subnet, ep.Address));
            }
            _memo = new PairAccessMemo(security, topology, endpoints, hosts);
        }

        /// <summary>The shared answers (for the tests).</summary>
        internal PairAccessMemo Memo => _memo;

        /// <summary>The access of <paramref name="flow"/> from endpoint <paramref name="i"/> to <paramref name="j"/> along <paramref name="path"/>.</summary>
        public AccessVerdict Evaluate(int i, int j, PathSummary path, Flow flow, out SecurityRuleReference? rule) =>
            _memo.Evaluate(i, j, path, flow, out rule);

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
