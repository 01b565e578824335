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
        public static void Evaluate(PathResult r, SecurityEvaluator security, Flow flow)
        {
            var srcSubnet = r.Source.Subnet;
            if (srcSubnet == null) return;
            var topology = security.Topology;
            var source = security.Host(srcSubnet, r.Source.NetworkInterface ?? security.NicAt(srcSubnet, r.Source.Address));
            SecurityHost? destination = null;
            int last = r.Hops.Count - 1;
            if (r.Outcome == PathOutcome.Delivered && last >= 0 && r.Hops[last].Role == PathHopRole.Destination &&
                ResourceId.TryParse(r.Hops[last].ResourceId, out var sid) && topology.Find<Subnet>(sid) is Subnet dstSubnet)
            {
                var nic = r.Destination.NetworkInterface != null && r.Destination.Subnet == dstSubnet ? r.Destination.NetworkInterface : security.NicAt(dstSubnet, r.Destination.Address);
                destination = security.Host(dstSubnet, nic);
            }
            // Hop of each filtering point: the source hop, the k-th Appliance hop, the destination hop.
            var applianceHops = r.Hops.Select((h, i) => (h, i)).Where(x => x.h.Role == PathHopRole.Appliance).Select(x => x.i).ToList();
            var hopChecks = r.Hops.Select(_ => new List<SecurityCheck>()).ToArray();
            var traces = new Dictionary<int, SecurityTrace>();
            SecurityTrace At(int k)
            {
                if (!traces.TryGetValue(k, out var t)) traces[k] = t = new SecurityTrace();
                return t;
            }
            AccessVerdict verdict = AccessVerdict.Allowed;
            SecurityRuleReference? deciding = null;
            var notes = new List<string>();
            bool first = true;
            foreach (var f in flow.Concrete())
            {
                traces.Clear();
                var v = AccessWalk.Run(security, topology, source, r.FilterDevices, destination, f, r.Source.Address, r.Destination.Address, At, out var rule);
                foreach (var kv in traces)
                {
                    int hop = kv.Key < 0 ? 0 : kv.Key < applianceHops.Count ? applianceHops[kv.Key] : last;
                    if (hop >= 0 && hop < hopChecks.Length) hopChecks[hop].AddRange(kv.Value.Checks);
                    foreach (var n in kv.Value.Notes) if (!notes.Contains(n)) notes.Add(n);
                }
                // Any protocol: Denied when one protocol is, Unknown when one is, else Allowed.
                if (v == AccessVerdict.Denied && verdict != AccessVerdict.Denied) { verdict = AccessVerdict.Denied; deciding = rule; }
                else if (v == AccessVerdict.Unknown && verdict == AccessVerdict.Allowed) { verdict = AccessVerdict.Unknown; deciding = null; }
                else if (first && v == AccessVerdict.Allowed) deciding = rule;
                first = false;
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
