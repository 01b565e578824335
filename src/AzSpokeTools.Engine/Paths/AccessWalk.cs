using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// A concrete flow along a traced path's filtering points: outbound at the source host, each forwarding device (an NVA's NSGs in and
    /// out and its own rules; a firewall's rules), inbound at the destination host. Return traffic is admitted statefully by each of them
    /// and is not evaluated (Azure docs, "How network security groups filter network traffic"; "Azure Firewall features" > stateful).
    /// The first denial ends the walk. An undelivered path is Denied only when the source denies, else Unknown.
    /// </summary>
    internal static class AccessWalk
    {
        /// <summary>
        /// Walks <paramref name="flow"/> from <paramref name="src"/> to <paramref name="dst"/>: <paramref name="source"/> outbound, each of
        /// <paramref name="devices"/>, then <paramref name="destination"/> inbound (null when the path is not delivered). <paramref name="traceAt"/>,
        /// for a detailed walk, collects the checks made at the source (-1), device k (0..), or the destination (devices.Count); the matrix passes
        /// null. <paramref name="rule"/> is the denying rule, or the last allowing rule that is not a default.
        /// </summary>
        public static AccessVerdict Run(SecurityEvaluator security, Topology topology, SecurityHost source, IReadOnlyList<ForwardingDevice> devices, SecurityHost? destination,
            Flow flow, IpAddressValue src, IpAddressValue dst, Func<int, SecurityTrace>? traceAt, out SecurityRuleReference? rule)
        {
            var acc = new Accumulator();
            if (acc.Add(security.AtHost(source, SecurityRuleDirection.Outbound, flow, src, dst, traceAt?.Invoke(-1), out var r0), r0)) return acc.Result(out rule);
            if (destination == null)
            {
                // Not delivered: what happens past the source is not a security question.
                acc.Add(AccessVerdict.Unknown, null);
                return acc.Result(out rule);
            }
            for (int k = 0; k < devices.Count; k++)
                if (AtDevice(security, topology, devices[k], flow, src, dst, traceAt?.Invoke(k), ref acc)) return acc.Result(out rule);
            acc.Add(security.AtHost(destination, SecurityRuleDirection.Inbound, flow, src, dst, traceAt?.Invoke(devices.Count), out var rd), rd);
            return acc.Result(out rule);
        }

        /// <summary>
        /// <see cref="Run"/> for each concrete protocol of <paramref name="flow"/> (TCP, UDP and ICMP for Any): Denied when one is (its rule),
        /// else Unknown when one is, else Allowed (the rule of the first).
        /// </summary>
        public static AccessVerdict RunFlow(SecurityEvaluator security, Topology topology, SecurityHost source, IReadOnlyList<ForwardingDevice> devices, SecurityHost? destination,
            Flow flow, IpAddressValue src, IpAddressValue dst, Func<int, SecurityTrace>? traceAt, out SecurityRuleReference? rule)
        {
            if (flow.Protocol != FlowProtocol.Any) return Run(security, topology, source, devices, destination, flow, src, dst, traceAt, out rule);
            var verdict = AccessVerdict.Allowed;
            rule = null;
            bool first = true;
            foreach (var f in flow.Concrete())
            {
                var v = Run(security, topology, source, devices, destination, f, src, dst, traceAt, out var r);
                if (v == AccessVerdict.Denied && verdict != AccessVerdict.Denied) { verdict = AccessVerdict.Denied; rule = r; }
                else if (v == AccessVerdict.Unknown && verdict == AccessVerdict.Allowed) { verdict = AccessVerdict.Unknown; rule = null; }
                else if (first && v == AccessVerdict.Allowed) rule = r;
                first = false;
            }
            return verdict;
        }

        /// <summary>True when the device denies (the walk ends).</summary>
        private static bool AtDevice(SecurityEvaluator security, Topology topology, ForwardingDevice device, Flow flow, IpAddressValue src, IpAddressValue dst, SecurityTrace? trace, ref Accumulator acc)
        {
            switch (device.Kind)
            {
                case ForwardingDeviceKind.AzureFirewall:
                case ForwardingDeviceKind.HubFirewall:
                    var firewall = topology.Find<AzureFirewall>(device.Id);
                    if (firewall == null) return acc.Add(AccessVerdict.Unknown, null);
                    return acc.Add(security.AtFirewall(firewall, flow, src, dst, trace, out var fr), fr);
                case ForwardingDeviceKind.HubAppliance:
                    return acc.Add(security.AtAppliance(device.Id.Value, device.Name, flow, trace, out var hr), hr);
                default:
                    // An NVA (or the NVAs behind an internal load balancer): its NSGs see the forwarded packet in and out.
                    SecurityHost? host = device.Subnet == null ? null : security.Host(device.Subnet, device.Nic);
                    if (host != null && acc.Add(security.AtHost(host, SecurityRuleDirection.Inbound, flow, src, dst, trace, out var ir), ir)) return true;
                    if (acc.Add(security.AtAppliance(device.Id.Value, device.Name, flow, trace, out var ar), ar)) return true;
                    return host != null && acc.Add(security.AtHost(host, SecurityRuleDirection.Outbound, flow, src, dst, trace, out var or), or);
            }
        }

        /// <summary>Denied at the first denial; else Unknown if anything is; the rule: the denying one, or the last allowing rule that is not a default.</summary>
        private struct Accumulator
        {
            private bool _unknown, _denied;
            private SecurityRuleReference? _rule;

            /// <summary>True when the walk ends (a denial).</summary>
            public bool Add(AccessVerdict v, SecurityRuleReference? rule)
            {
                if (v == AccessVerdict.Denied)
                {
                    _denied = true;
                    _rule = rule;
                    return true;
                }
                if (v == AccessVerdict.Unknown) _unknown = true;
                else if (rule != null && !rule.IsDefault) _rule = rule;
                return false;
            }

            public AccessVerdict Result(out SecurityRuleReference? rule)
            {
                if (_denied) { rule = _rule; return AccessVerdict.Denied; }
                rule = _unknown ? null : _rule;
                return _unknown ? AccessVerdict.Unknown : AccessVerdict.Allowed;
            }
        }
    }
}
