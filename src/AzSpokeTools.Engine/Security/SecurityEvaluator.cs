using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>
    /// Evaluates a concrete flow (TCP, UDP or ICMP) where the platform enforces rules: at a host (a subnet and the NIC holding an
    /// address) the VNet's security admin rules, then its NSGs; at an Azure Firewall its rules; at a network virtual appliance an
    /// assumption. Hosts and firewalls are compiled once and kept.
    /// </summary>
    internal sealed class SecurityEvaluator
    {
        private readonly Topology _topology;
        private readonly Func<Subnet, IReadOnlyList<EffectiveRoute>> _routesOf;
        private readonly AddressResolver _resolver;
        private readonly AdminRuleIndex _admin;
        private readonly Dictionary<SharedRouteLayer, AddressSet> _sharedTags = new Dictionary<SharedRouteLayer, AddressSet>();
        private readonly Dictionary<Subnet, HostAddressContext> _contexts = new Dictionary<Subnet, HostAddressContext>();
        private readonly Dictionary<(Subnet, NetworkInterface?), SecurityHost> _hosts = new Dictionary<(Subnet, NetworkInterface?), SecurityHost>();
        private readonly Dictionary<AzureFirewall, FirewallRuleSet> _firewalls = new Dictionary<AzureFirewall, FirewallRuleSet>();
        private Dictionary<(ResourceId, IpAddressValue), NetworkInterface>? _nicByAddress;

        /// <param name="topology">The topology.</param>
        /// <param name="serviceTags">Resolves service tags; null leaves them Unknown.</param>
        /// <param name="routesOf">A subnet's effective routes (the VirtualNetwork tag is read from them); the path tracer's tables are passed so nothing is computed twice.</param>
        /// <param name="options">Appliance assumptions.</param>
        public SecurityEvaluator(Topology topology, ServiceTagCatalog? serviceTags, Func<Subnet, IReadOnlyList<EffectiveRoute>> routesOf, SecurityOptions? options)
        {
            _topology = topology;
            _routesOf = routesOf;
            _resolver = new AddressResolver(topology, serviceTags);
            _admin = new AdminRuleIndex(topology);
            Options = options ?? new SecurityOptions();
        }

        public SecurityOptions Options { get; }

        public Topology Topology => _topology;

        /// <summary>The NIC whose IP configuration in <paramref name="subnet"/> holds <paramref name="address"/>, or null.</summary>
        public NetworkInterface? NicAt(Subnet subnet, IpAddressValue address)
        {
            if (_nicByAddress == null)
            {
                _nicByAddress = new Dictionary<(ResourceId, IpAddressValue), NetworkInterface>();
                foreach (var nic in _topology.NetworkInterfaces)
                    foreach (var c in nic.IpConfigurations)
                        if (c.SubnetId is ResourceId s && c.PrivateIpAddress is IpAddressValue ip && !_nicByAddress.ContainsKey((s, ip)))
                            _nicByAddress[(s, ip)] = nic;
            }
            return _nicByAddress.TryGetValue((subnet.Id, address), out var n) ? n : null;
        }

        /// <summary>The host for a subnet and (optionally) the NIC in it, compiled once.</summary>
        public SecurityHost Host(Subnet subnet, NetworkInterface? nic)
        {
            if (_hosts.TryGetValue((subnet, nic), out var h)) return h;
            if (!_contexts.TryGetValue(subnet, out var context))
                _contexts[subnet] = context = VirtualNetworkTag.For(subnet, _routesOf(subnet), _sharedTags);
            h = new SecurityHost(subnet, nic, context);
            if (_admin.Any)
            {
                var applied = _admin.For(subnet.VirtualNetwork);
                h.Notes.AddRange(applied.Notes);
                var inbound = new List<CompiledRule>();
                var outbound = new List<CompiledRule>();
                foreach (var (rule, _, conditional) in applied.Rules)
                    (rule.Direction == SecurityRuleDirection.Inbound ? inbound : outbound).Add(CompileAdmin(rule, conditional, context));
                h.AdminInbound = new RuleList(inbound);
                h.AdminOutbound = new RuleList(outbound);
                var configs = applied.Rules.Select(r => r.Configuration).Distinct().ToList();
                h.AdminName = string.Join(", ", configs.Select(c => c.Name));
                h.AdminResourceId = configs.Count > 0 ? configs[0].Id.Value : "";
            }
            if (subnet.NetworkSecurityGroupId is ResourceId sn)
            {
                h.SubnetStage = Stage("subnet " + subnet.DisplayName, sn, context);
                // Azure docs, "Manage network policies for private endpoints": NSGs filter a private endpoint's traffic only when the
                // subnet's privateEndpointNetworkPolicies is Enabled or NetworkSecurityGroupEnabled.
                if (nic?.PrivateEndpointId != null && !string.Equals(subnet.PrivateEndpointNetworkPolicies, "Enabled", StringComparison.OrdinalIgnoreCase) &&
                    !string.Equals(subnet.PrivateEndpointNetworkPolicies, "NetworkSecurityGroupEnabled", StringComparison.OrdinalIgnoreCase))
                    h.SubnetStage.NotApplied = $"{nic.Name} is a private endpoint and subnet {subnet.DisplayName} has privateEndpointNetworkPolicies {subnet.PrivateEndpointNetworkPolicies ?? "Disabled"}: its NSG does not filter the endpoint's traffic (Azure docs, \"Manage network policies for private endpoints\")";
            }
            if (nic?.NetworkSecurityGroupId is ResourceId nn) h.NicStage = Stage("network interface " + nic.Name, nn, context);
            _hosts[(subnet, nic)] = h;
            return h;
        }

        private NsgStage Stage(string attachedTo, ResourceId nsgId, HostAddressContext context)
        {
            var nsg = _topology.Find<NetworkSecurityGroup>(nsgId);
            var stage = new NsgStage(attachedTo, nsg, nsgId);
            if (nsg == null) return stage;
            stage.Inbound = new RuleList(nsg.RulesOf(SecurityRuleDirection.Inbound).Select(r => CompileNsg(r, context)).ToList());
            stage.Outbound = new RuleList(nsg.RulesOf(SecurityRuleDirection.Outbound).Select(r => CompileNsg(r, context)).ToList());
            return stage;
        }

        /// <summary>One reference per rule of the snapshot, whichever host it is compiled for.</summary>
        private SecurityRuleReference Reference(object rule, Func<SecurityRuleReference> create)
        {
            if (!_references.TryGetValue(rule, out var reference)) _references[rule] = reference = create();
            return reference;
        }

        private readonly Dictionary<object, SecurityRuleReference> _references = new Dictionary<object, SecurityRuleReference>(); // model rules compare by reference

        private CompiledRule CompileNsg(SecurityRule r, HostAddressContext context)
        {
            var reference = Reference(r, () => new SecurityRuleReference(SecurityCheckKind.NetworkSecurityGroup, r.Id.Value, r.Name, r.Priority, r.Direction.ToString(), r.IsDefault));
            var source = AddressMatcher.Compile(r.SourceAddressPrefixes.Select(p => new AddressItem(AddressItemKind.Auto, p))
                .Concat(r.SourceApplicationSecurityGroupIds.Select(a => new AddressItem(AddressItemKind.ApplicationSecurityGroup, a.Value))).ToList(), context, _resolver);
            var destination = AddressMatcher.Compile(r.DestinationAddressPrefixes.Select(p => new AddressItem(AddressItemKind.Auto, p))
                .Concat(r.DestinationApplicationSecurityGroupIds.Select(a => new AddressItem(AddressItemKind.ApplicationSecurityGroup, a.Value))).ToList(), context, _resolver);
            return new CompiledRule(reference, r.Access == SecurityRuleAccess.Deny ? RuleEffect.Deny : RuleEffect.Allow, r.Protocol,
                PortRanges.Parse(r.SourcePortRanges), PortRanges.Parse(r.DestinationPortRanges), source, destination) { Problem = r.Problem };
        }

        private CompiledRule CompileAdmin(AdminRule r, string? conditional, HostAddressContext context)
        {
            var reference = Reference(r, () => new SecurityRuleReference(SecurityCheckKind.SecurityAdmin, r.Id.Value, r.Name, r.Priority, r.Direction.ToString(), isDefault: false));
            AddressMatcher Side(IReadOnlyList<AdminAddressItem> items) => AddressMatcher.Compile(items.Select(i => new AddressItem(
                string.Equals(i.AddressPrefixType, "ServiceTag", StringComparison.OrdinalIgnoreCase) ? AddressItemKind.ServiceTag
                : string.Equals(i.AddressPrefixType, "NetworkGroup", StringComparison.OrdinalIgnoreCase) ? AddressItemKind.NetworkGroup : AddressItemKind.Prefix,
                i.AddressPrefix)).ToList(), context, _resolver);
            var effect = r.Access == SecurityRuleAccess.Deny ? RuleEffect.Deny : r.Access == SecurityRuleAccess.AlwaysAllow ? RuleEffect.AlwaysAllow : RuleEffect.Continue;
            return new CompiledRule(reference, effect, r.Protocol, PortRanges.Parse(r.SourcePortRanges), PortRanges.Parse(r.DestinationPortRanges),
                Side(r.Sources), Side(r.Destinations)) { Problem = r.Problem, Conditional = conditional };
        }

        /// <summary>
        /// Security admin rules, then the NSGs (inbound: subnet then NIC; outbound: NIC then subnet; Azure docs, "How network security
        /// groups filter network traffic"). <paramref name="rule"/>: the denying rule, or the last allowing rule that is not a default.
        /// </summary>
        public AccessVerdict AtHost(SecurityHost h, SecurityRuleDirection direction, Flow f, IpAddressValue source, IpAddressValue destination,
            SecurityTrace? trace, out SecurityRuleReference? rule)
        {
            rule = null;
            bool unknown = false, mayBypassNsgs = false;
            if (trace != null) foreach (var n in h.Notes) trace.Note(n);
            var admin = h.Admin(direction);
            if (admin.Count > 0)
            {
                // Azure docs, "Security admin rules in Azure Virtual Network Manager" > "The order of evaluation": admin rules come before NSGs;
                // Deny and AlwaysAllow end the evaluation, Allow hands the traffic on to the NSGs.
                var o = ListOutcome.FirstMatch(HostSide(admin, direction, f, source, destination), source, destination, continueIsNoMatch: true);
                if (o.Matched && !o.Unknown && o.Decider!.Effect == RuleEffect.Deny)
                {
                    rule = o.Decider.Ref;
                    trace?.Checks.Add(AdminCheck(h, direction, AccessVerdict.Denied, o.Decider.Ref,
                        $"security admin rule {o.Decider.Ref.Name} (priority {o.Decider.Ref.Priority}, {direction}) of {h.AdminName} denies {f} from {source} to {destination}; admin rules are evaluated before NSGs and their Deny cannot be overridden",
                        $"change security admin rule {o.Decider.Ref.Name} in {h.AdminName} (the network manager's administrators), or add an Allow or AlwaysAllow admin rule for this flow with a lower priority number"));
                    NoteAssumed(trace, o, f, source);
                    return AccessVerdict.Denied;
                }
                if (o.Matched && !o.Unknown && o.Decider!.Effect == RuleEffect.AlwaysAllow)
                {
                    rule = o.Decider.Ref;
                    trace?.Checks.Add(AdminCheck(h, direction, AccessVerdict.Allowed, o.Decider.Ref,
                        $"security admin rule {o.Decider.Ref.Name} (priority {o.Decider.Ref.Priority}, {direction}) of {h.AdminName} always allows {f}: the NSGs are not evaluated"));
                    NoteAssumed(trace, o, f, source);
                    return AccessVerdict.Allowed;
                }
                if (o.Unknown)
                {
                    unknown = true;
                    mayBypassNsgs = o.MaybeHad(RuleEffect.AlwaysAllow) || o.Decider?.Effect == RuleEffect.AlwaysAllow;
                    trace?.Checks.Add(AdminCheck(h, direction, AccessVerdict.Unknown, null, o.Uncertain!.Uncertainty(f, source, destination)));
                }
                else if (o.Matched)
                {
                    rule = o.Decider!.Ref;
                    trace?.Checks.Add(AdminCheck(h, direction, AccessVerdict.Allowed, o.Decider.Ref,
                        $"security admin rule {o.Decider.Ref.Name} (priority {o.Decider.Ref.Priority}, {direction}) of {h.AdminName} allows {f}; the NSGs decide next"));
                    NoteAssumed(trace, o, f, source);
                }
                else trace?.Checks.Add(AdminCheck(h, direction, AccessVerdict.Allowed, null, $"no security admin rule of {h.AdminName} matches {f} {direction.ToString().ToLowerInvariant()}; the NSGs decide"));
            }
            var first = direction == SecurityRuleDirection.Inbound ? h.SubnetStage : h.NicStage;
            var second = direction == SecurityRuleDirection.Inbound ? h.NicStage : h.SubnetStage;
            if (first == null && second == null)
                trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.NetworkSecurityGroup, (h.Nic?.Id ?? h.Subnet.Id).Value, "(none)", direction.ToString(), AccessVerdict.Allowed, null,
                    $"no network security group on {h.Name}: every flow is allowed {(direction == SecurityRuleDirection.Inbound ? "in" : "out")} (Azure docs, \"How network security groups filter network traffic\")"));
            for (int k = 0; k < 2; k++)
            {
                var stage = k == 0 ? first : second;
                if (stage == null) continue;
                var v = AtNsg(stage, direction, f, source, destination, trace, out var r);
                if (v == AccessVerdict.Denied)
                {
                    rule = r;
                    // An uncertain AlwaysAllow admin rule before it could have skipped this NSG.
                    return mayBypassNsgs ? AccessVerdict.Unknown : AccessVerdict.Denied;
                }
                if (v == AccessVerdict.Unknown) unknown = true;
                else if (r != null && !r.IsDefault) rule = r;
            }
            if (unknown) rule = null;
            return unknown ? AccessVerdict.Unknown : AccessVerdict.Allowed;
        }

        /// <summary>
        /// A host list's rules for the flow with the host's own side already matched: the source outbound, the destination inbound (each the
        /// same address pair after pair in a matrix row or column). Without <see cref="MatchHostSide"/>, the rules for the flow alone.
        /// </summary>
        private FlowRules HostSide(RuleList list, SecurityRuleDirection direction, Flow f, IpAddressValue source, IpAddressValue destination) =>
            !MatchHostSide ? list.For(f)
            : direction == SecurityRuleDirection.Outbound ? list.For(f, RuleSide.Source, source) : list.For(f, RuleSide.Destination, destination);

        /// <summary>
        /// Fold the host's own address side into its rules once (<see cref="RuleList.For(Flow, RuleSide, IpAddressValue)"/>); on by default. Off,
        /// every rule matches both sides pair by pair: the straightforward evaluation tests compare the fast one with.
        /// </summary>
        public bool MatchHostSide { get; set; } = true;

        private AccessVerdict AtNsg(NsgStage stage, SecurityRuleDirection direction, Flow f, IpAddressValue source, IpAddressValue destination, SecurityTrace? trace, out SecurityRuleReference? rule)
        {
            rule = null;
            // Names are built for the trace only: the matrix asks pair after pair without one.
            var name = trace == null ? "" : stage.Nsg?.Name ?? stage.Id.Name;
            var dir = trace == null ? "" : direction.ToString();
            if (stage.NotApplied != null)
            {
                trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.NetworkSecurityGroup, stage.Id.Value, name, dir, AccessVerdict.Allowed, null, stage.NotApplied));
                return AccessVerdict.Allowed;
            }
            if (stage.Nsg == null)
            {
                trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.NetworkSecurityGroup, stage.Id.Value, name, dir, AccessVerdict.Unknown, null,
                    $"network security group {name} of {stage.AttachedTo} is not in the snapshot", "capture the network security group (export reads Microsoft.Network/networkSecurityGroups)"));
                return AccessVerdict.Unknown;
            }
            var o = ListOutcome.FirstMatch(HostSide(stage.Rules(direction), direction, f, source, destination), source, destination, continueIsNoMatch: false);
            if (!o.Matched || o.Unknown)
            {
                trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.NetworkSecurityGroup, stage.Id.Value, name, dir, AccessVerdict.Unknown, null,
                    $"NSG {name} of {stage.AttachedTo}: " + (o.Uncertain?.Uncertainty(f, source, destination) ?? "no rule can be shown to match")));
                return AccessVerdict.Unknown;
            }
            var d = o.Decider!;
            rule = d.Ref;
            NoteAssumed(trace, o, f, source);
            if (d.Effect == RuleEffect.Deny)
            {
                if (trace != null)
                {
                    var reason = d.Ref.IsDefault
                        ? $"no rule of NSG {name} ({stage.AttachedTo}) allows {f} from {source} to {destination}: default rule {d.Ref.Name} ({d.Ref.Priority}) denies it"
                        : $"NSG {name} ({stage.AttachedTo}) denies {f} from {source} to {destination} by rule {d.Ref.Name} (priority {d.Ref.Priority}, {dir})";
                    var fix = d.Ref.IsDefault
                        ? $"add an {dir} Allow rule for {f} from {source} to {destination} to NSG {name}"
                        : $"add an {dir} Allow rule for {f} from {source} to {destination} to NSG {name} with a priority number below {d.Ref.Priority}, or change rule {d.Ref.Name}";
                    trace.Checks.Add(new SecurityCheck(SecurityCheckKind.NetworkSecurityGroup, stage.Id.Value, name, dir, AccessVerdict.Denied, d.Ref, reason, fix));
                }
                return AccessVerdict.Denied;
            }
            trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.NetworkSecurityGroup, stage.Id.Value, name, dir, AccessVerdict.Allowed, d.Ref,
                $"NSG {name} ({stage.AttachedTo}) allows {f} from {source} to {destination} by {(d.Ref.IsDefault ? "default rule" : "rule")} {d.Ref.Name} (priority {d.Ref.Priority}, {dir})"));
            return AccessVerdict.Allowed;
        }

        private static void NoteAssumed(SecurityTrace? trace, ListOutcome o, Flow f, IpAddressValue source)
        {
            if (trace == null || !o.Assumed || o.Decider == null) return;
            var a = o.Decider.Source.Match(source) == Match.Assumed ? o.Decider.Source.Assumption : o.Decider.Destination.Assumption;
            if (a != null) trace.Note($"{o.Decider.Ref.Name} matches {f} because {a}");
        }

        private static SecurityCheck AdminCheck(SecurityHost h, SecurityRuleDirection direction, AccessVerdict verdict, SecurityRuleReference? rule, string reason, string? fix = null) =>
            new SecurityCheck(SecurityCheckKind.SecurityAdmin, h.AdminResourceId, h.AdminName, direction.ToString(), verdict, rule, reason, fix);

        /// <summary>An Azure Firewall's rules in processing order, compiled once.</summary>
        public FirewallRuleSet FirewallRules(AzureFirewall firewall)
        {
            if (!_firewalls.TryGetValue(firewall, out var set)) _firewalls[firewall] = set = FirewallRuleSet.For(firewall, _topology, _resolver);
            return set;
        }

        /// <summary>An Azure Firewall's rules for the flow; <paramref name="rule"/>: the deciding rule (null when Unknown).</summary>
        public AccessVerdict AtFirewall(AzureFirewall firewall, Flow f, IpAddressValue source, IpAddressValue destination, SecurityTrace? trace, out SecurityRuleReference? rule)
        {
            rule = null;
            var set = FirewallRules(firewall);
            var id = firewall.Id.Value;
            if (trace != null) foreach (var n in set.Notes) trace.Note(n);
            if (set.Unavailable != null)
            {
                trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.Firewall, id, firewall.Name, null, AccessVerdict.Unknown, null, set.Unavailable, "capture the firewall policy and its rule collection groups"));
                return AccessVerdict.Unknown;
            }
            // Azure docs, "Azure Firewall rule processing logic": network rules, then application rules, then deny.
            var o = ListOutcome.FirstMatch(set.Rules.For(f), source, destination, continueIsNoMatch: false);
            if (o.Unknown || !o.Matched)
            {
                trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.Firewall, id, firewall.Name, null, AccessVerdict.Unknown, null,
                    $"firewall {firewall.Name}: " + (o.Uncertain?.Uncertainty(f, source, destination) ?? "no rule can be shown to match"),
                    "add a network rule for this flow by address, in a collection processed before the uncertain rule"));
                return AccessVerdict.Unknown;
            }
            var d = o.Decider!;
            rule = d.Ref;
            if (d.Effect == RuleEffect.Deny)
            {
                trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.Firewall, id, firewall.Name, null, AccessVerdict.Denied, d.Ref,
                    d.Ref.IsDefault
                        ? $"no rule of firewall {firewall.Name} allows {f} from {source} to {destination}: Azure Firewall denies traffic no rule allows"
                        : $"firewall {firewall.Name} denies {f} from {source} to {destination} by rule {d.Ref.Name} (collection priority {d.Ref.Priority})",
                    d.Ref.IsDefault
                        ? $"add a network rule allowing {f} from {source} to {destination} to {(firewall.FirewallPolicyId is ResourceId p ? "firewall policy " + p.Name : "a network rule collection of " + firewall.Name)}"
                        : $"allow the flow in a network rule collection processed before {d.Ref.Name} (a lower priority number, or an earlier rule collection group), or change {d.Ref.Name}"));
                return AccessVerdict.Denied;
            }
            trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.Firewall, id, firewall.Name, null, AccessVerdict.Allowed, d.Ref,
                $"firewall {firewall.Name} allows {f} from {source} to {destination} by rule {d.Ref.Name} (collection priority {d.Ref.Priority})"));
            return AccessVerdict.Allowed;
        }

        /// <summary>A network virtual appliance: its own rules are not in ARM, so Unknown unless an assumption is given.</summary>
        public AccessVerdict AtAppliance(string id, string name, Flow f, SecurityTrace? trace, out SecurityRuleReference? rule)
        {
            rule = null;
            if (Options.AssumeAppliances is not AccessVerdict assumed || assumed == AccessVerdict.Unknown)
            {
                trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.Appliance, id, name, null, AccessVerdict.Unknown, null,
                    $"the rules of network virtual appliance {name} are not visible in ARM", "check the appliance's own policy, or assume a verdict with --assume-nva allow|deny (-AssumeNva)"));
                return AccessVerdict.Unknown;
            }
            var word = assumed == AccessVerdict.Allowed ? "allow" : "deny";
            rule = new SecurityRuleReference(SecurityCheckKind.Appliance, id, "assumed " + word + " (--assume-nva " + word + ")", null, null, isDefault: true);
            trace?.Checks.Add(new SecurityCheck(SecurityCheckKind.Appliance, id, name, null, assumed, rule,
                $"network virtual appliance {name} is assumed to {word} {f} (--assume-nva {word}); its rules are not visible in ARM"));
            trace?.Note($"network virtual appliance {name} is assumed to {word} the flow");
            return assumed;
        }
    }
}
