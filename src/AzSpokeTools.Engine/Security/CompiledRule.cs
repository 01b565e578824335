using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>What a matching rule does.</summary>
    internal enum RuleEffect : byte
    {
        /// <summary>NSG or firewall Allow.</summary>
        Allow,
        /// <summary>Deny (NSG, admin rule, firewall).</summary>
        Deny,
        /// <summary>Security admin AlwaysAllow: admit without the NSGs.</summary>
        AlwaysAllow,
        /// <summary>Security admin Allow: admit, and let the NSGs decide.</summary>
        Continue,
    }

    /// <summary>A rule of any kind compiled for one host: protocol, port ranges and the two address sides.</summary>
    internal sealed class CompiledRule
    {
        public CompiledRule(SecurityRuleReference reference, RuleEffect effect, string protocol, PortRanges sourcePorts, PortRanges destinationPorts,
            AddressMatcher source, AddressMatcher destination)
        {
            Ref = reference;
            Effect = effect;
            Protocol = protocol;
            SourcePorts = sourcePorts;
            DestinationPorts = destinationPorts;
            Source = source;
            Destination = destination;
            // "*" matches every protocol; Esp and Ah match none of the flows asked about (TCP, UDP, ICMP).
            _protocol = protocol == "*" ? AnyProtocol
                : Enum.TryParse<FlowProtocol>(protocol, true, out var p) && p != FlowProtocol.Any ? (int)p : NoProtocol;
        }

        private const int AnyProtocol = -1, NoProtocol = -2;
        private readonly int _protocol;

        public SecurityRuleReference Ref { get; }
        public RuleEffect Effect { get; }
        /// <summary>"*", Tcp, Udp, Icmp, Esp, Ah.</summary>
        public string Protocol { get; }
        public PortRanges SourcePorts { get; }
        public PortRanges DestinationPorts { get; }
        public AddressMatcher Source { get; }
        public AddressMatcher Destination { get; }
        /// <summary>When set, a rule that would match only may: it may not apply here, or it matches by name (the reason says which).</summary>
        public string? Conditional { get; set; }
        /// <summary>When set, the rule is incomplete (the reason) and can only ever match Maybe.</summary>
        public string? Problem { get; set; }

        /// <summary>Protocol and ports only.</summary>
        public Match FlowMatch(Flow f)
        {
            if (_protocol != AnyProtocol && _protocol != (int)f.Protocol) return Security.Match.No;
            // [INFER] ICMP has no ports: a rule restricted to ports does not match an ICMP flow.
            if (f.Protocol == FlowProtocol.Icmp) return DestinationPorts.IsAny && SourcePorts.IsAny ? Security.Match.Yes : Security.Match.No;
            return MatchLogic.And(DestinationPorts.Matches(f.DestinationPort), SourcePorts.IsAny ? Security.Match.Yes : SourcePorts.Matches(f.SourcePort));
        }

        public Match Match(Flow f, IpAddressValue source, IpAddressValue destination) => Match(FlowMatch(f), source, destination);

        /// <summary>
        /// The match given the rule's <see cref="FlowMatch"/> for the flow (known from <see cref="RuleList.For(Flow)"/>), with the
        /// <paramref name="matched"/> side's address match already folded into it.
        /// </summary>
        public Match Match(Match flowMatch, IpAddressValue source, IpAddressValue destination, RuleSide matched = RuleSide.None)
        {
            var m = flowMatch;
            if (m == Security.Match.No) return m;
            if (matched != RuleSide.Source) m = MatchLogic.And(m, Source.Match(source));
            if (m == Security.Match.No) return m;
            if (matched != RuleSide.Destination) m = MatchLogic.And(m, Destination.Match(destination));
            if (m == Security.Match.No) return m;
            if (Problem != null || Conditional != null) return Security.Match.Maybe;
            return m;
        }

        /// <summary>Why a Maybe or Assumed match is not certain.</summary>
        public string Uncertainty(Flow f, IpAddressValue source, IpAddressValue destination)
        {
            if (Problem != null) return $"{Ref.Name} cannot be evaluated: {Problem}";
            var parts = new List<string>();
            if (Source.Match(source) == Security.Match.Maybe && Source.Unknown != null) parts.Add(Source.Unknown);
            if (Destination.Match(destination) == Security.Match.Maybe && Destination.Unknown != null) parts.Add(Destination.Unknown);
            if (FlowMatch(f) == Security.Match.Maybe) parts.Add(f.SourcePort == null && !SourcePorts.IsAny ? $"it names source ports ({SourcePorts}) and no source port was given" : $"a port range of {Ref.Name} is unreadable");
            if (Conditional != null) parts.Add(Conditional);
            if (Source.Match(source) == Security.Match.Assumed && Source.Assumption != null) parts.Add(Source.Assumption);
            if (Destination.Match(destination) == Security.Match.Assumed && Destination.Assumption != null) parts.Add(Destination.Assumption);
            return $"{Ref.Name} may match: " + string.Join("; ", parts);
        }

        /// <inheritdoc />
        public override string ToString() => Ref + " " + Effect;
    }

    /// <summary>The result of evaluating an ordered rule list for one flow: the first definite match, and whether an uncertain rule before it could change the answer.</summary>
    internal readonly struct ListOutcome
    {
        public ListOutcome(bool matched, bool unknown, CompiledRule? decider, CompiledRule? uncertain, bool assumed, int maybeEffects)
        {
            MaybeEffects = maybeEffects;
            Matched = matched;
            Unknown = unknown;
            Decider = decider;
            Uncertain = uncertain;
            Assumed = assumed;
        }

        /// <summary>A rule matched definitely (see <see cref="Decider"/>).</summary>
        public bool Matched { get; }
        /// <summary>An uncertain rule with another effect comes first, or only uncertain rules match.</summary>
        public bool Unknown { get; }
        public CompiledRule? Decider { get; }
        /// <summary>The first uncertain rule that matters.</summary>
        public CompiledRule? Uncertain { get; }
        /// <summary>The decider matched by an assumption (see <see cref="AddressMatcher.Assumption"/>).</summary>
        public bool Assumed { get; }
        /// <summary>Bit per <see cref="RuleEffect"/> of the uncertain rules met before the answer.</summary>
        public int MaybeEffects { get; }

        /// <summary>True when an uncertain rule with <paramref name="effect"/> came before the answer.</summary>
        public bool MaybeHad(RuleEffect effect) => (MaybeEffects & (1 << (int)effect)) != 0;

        /// <summary>
        /// First match by list order. A Maybe rule before the first definite match leaves the answer Unknown unless it has the same effect;
        /// with <paramref name="continueIsNoMatch"/> (admin rules), a Maybe Allow is harmless (it hands on to the NSGs as no match does).
        /// </summary>
        public static ListOutcome FirstMatch(FlowRules rules, IpAddressValue source, IpAddressValue destination, bool continueIsNoMatch)
        {
            int maybeEffects = 0;
            CompiledRule? uncertain = null;
            var list = rules.Rules;
            var flowMatches = rules.FlowMatches;
            for (int i = 0; i < list.Length; i++)
            {
                var r = list[i];
                var m = r.Match(flowMatches[i], source, destination, rules.Matched);
                if (m == Match.No) continue;
                if (m == Match.Maybe)
                {
                    if (continueIsNoMatch && r.Effect == RuleEffect.Continue) continue;
                    maybeEffects |= 1 << (int)r.Effect;
                    uncertain ??= r;
                    continue;
                }
                int mine = 1 << (int)r.Effect;
                bool unknown = (maybeEffects & ~mine) != 0;
                return new ListOutcome(true, unknown, r, unknown ? uncertain : null, m == Match.Assumed, maybeEffects);
            }
            return new ListOutcome(false, maybeEffects != 0, null, uncertain, false, maybeEffects);
        }
    }
}
