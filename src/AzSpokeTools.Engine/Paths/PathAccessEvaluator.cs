using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// A traced path's access for a flow (<see cref="AccessWalk"/>), with every check attached to the hop where it happens, the
    /// verdict, the deciding rule, and reasons on the path: the denial and its fix, what is unknown, what is assumed.
    /// </summary>
    internal static class PathAccessEvaluator
    {
        /// <summary>The hosts at the two ends of a path: the source's, and the destination's when the path is delivered.</summary>
        private static bool Hosts(PathResult r, SecurityEvaluator security, out SecurityHost source, out SecurityHost? destination)
        {
            source = null!;
            destination = null;
            var srcSubnet = r.Source.Subnet;
            if (srcSubnet == null) return false;
            source = security.Host(srcSubnet, r.Source.NetworkInterface ?? security.NicAt(srcSubnet, r.Source.Address));
            int last = r.Hops.Count - 1;
            if (r.Outcome == PathOutcome.Delivered && last >= 0 && r.Hops[last].Role == PathHopRole.Destination &&
                ResourceId.TryParse(r.Hops[last].ResourceId, out var sid) && security.Topology.Find<Subnet>(sid) is Subnet dstSubnet)
            {
                var nic = r.Destination.NetworkInterface != null && r.Destination.Subnet == dstSubnet ? r.Destination.NetworkInterface : security.NicAt(dstSubnet, r.Destination.Address);
                destination = security.Host(dstSubnet, nic);
            }
            return true;
        }

        /// <summary>The verdict and deciding rule of <paramref name="flow"/> on the path, without checks (intent flows).</summary>
        public static (AccessVerdict Verdict, SecurityRuleReference? Rule) VerdictOf(PathResult r, SecurityEvaluator security, Flow flow)
        {
            if (!Hosts(r, security, out var source, out var destination)) return (AccessVerdict.Unknown, null);
            var v = AccessWalk.RunFlow(security, security.Topology, source, r.FilterDevices, destination, flow, r.Source.Address, r.Destination.Address, null, out var rule);
            return (v, rule);
        }

        public static void Evaluate(PathResult r, SecurityEvaluator security, Flow flow)
        {
            if (!Hosts(r, security, out var source, out var destination)) return;
            var topology = security.Topology;
            int last = r.Hops.Count - 1;
            // Hop of each filtering point: the source hop, the k-th Appliance hop, the destination hop.
            var applianceHops = r.Hops.Select((h, i) => (h, i)).Where(x => x.h.Role == PathHopRole.Appliance).Select(x => x.i).ToList();
            var hopChecks = r.Hops.Select(_ => new List<SecurityCheck>()).ToArray();
            var traces = new Dictionary<int, SecurityTrace>();
            SecurityTrace At(int k)
            {
                if (!traces.TryGetValue(k, out var t)) traces[k] = t = new SecurityTrace();
                return t;
            }
            var notes = new List<string>();
            var verdict = AccessWalk.RunFlow(security, topology, source, r.FilterDevices, destination, flow, r.Source.Address, r.Destination.Address, At, out var deciding);
            foreach (var kv in traces.OrderBy(kv => kv.Key))
            {
                int hop = kv.Key < 0 ? 0 : kv.Key < applianceHops.Count ? applianceHops[kv.Key] : last;
                if (hop >= 0 && hop < hopChecks.Length) hopChecks[hop].AddRange(kv.Value.Checks);
                foreach (var n in kv.Value.Notes) if (!notes.Contains(n)) notes.Add(n);
            }
            if (destination == null && r.Outcome != PathOutcome.Delivered && verdict == AccessVerdict.Unknown)
                notes.Add($"the path is {r.Outcome}: only the source's outbound rules are evaluated");
            r.Access = new PathAccess(flow, verdict, deciding, hopChecks, notes);
            foreach (var c in r.Access.Checks)
            {
                if (c.Verdict == AccessVerdict.Denied) Add(r, new PathReason(PathReasonSeverity.Error, c.Rule?.ResourceId ?? c.ResourceId, "access: " + c.Reason, c.Fix));
                else if (c.Verdict == AccessVerdict.Unknown) Add(r, new PathReason(PathReasonSeverity.Warning, c.ResourceId, "access unknown: " + c.Reason, c.Fix));
            }
            foreach (var n in notes) Add(r, new PathReason(PathReasonSeverity.Assumption, null, "access: " + n));
        }

        private static void Add(PathResult r, PathReason reason)
        {
            if (!r.Reasons.Contains(reason)) r.Reasons.Add(reason);
        }
    }
}
