using System.Linq;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Output;

namespace AzSpokeTools.Paths
{
    /// <summary>
    /// A traced path as Get-SpokeEffectivePath writes it: outcome, kind and transits (the DESIGN vocabulary, as strings),
    /// the intent and whether the path meets it, the hops with the route that moved the packet at each, the reverse
    /// path and the reasons (every setting responsible for the outcome or for a difference from the intent).
    /// </summary>
    public sealed class SpokePath
    {
        internal SpokePath(PathResult r, bool withReverse = true)
        {
            Result = r;
            Source = Delimited.ShortName(r.Source.Text);
            Destination = Delimited.ShortName(r.Destination.Text);
            Outcome = r.Outcome.ToString();
            Kind = r.Kind.ToString();
            Transits = Delimited.Texts(r.Transits);
            Intended = r.Intended == null ? null : Delimited.Texts(r.Intended);
            IntentRule = r.IntentRule;
            Compliant = r.Compliant;
            Symmetric = r.Symmetric;
            SourceAddress = r.Source.Address.ToString();
            SourceSubnet = r.Source.Subnet?.DisplayName;
            DestinationAddress = r.Destination.Address.ToString();
            DestinationSubnet = r.Destination.Subnet?.DisplayName;
            Hops = Delimited.List(r.Hops.Select((h, i) => new SpokePathHop(i + 1, h, r.Access)));
            Reasons = Delimited.List(r.Reasons.Select(x => new SpokePathReason(x)));
            Reverse = withReverse && r.Reverse != null ? new SpokePath(r.Reverse, withReverse: false) : null;
            Alternatives = Delimited.List(r.Alternatives.Select(a => new SpokePath(a, withReverse: false)));
            MoreAlternatives = r.MoreAlternatives;
            if (r.Access is { } access)
            {
                Flow = access.Flow.ToString();
                Access = access.Verdict.ToString();
                DecidingRule = access.DecidingRule?.Name;
                DecidingRuleId = access.DecidingRule?.ResourceId;
                DecidingRulePriority = access.DecidingRule?.Priority;
                DecidingRuleDirection = access.DecidingRule?.Direction;
                DecidingRuleKind = access.DecidingRule?.Kind.ToString();
            }
        }

        /// <summary>The engine's path, for cmdlets that take this object from the pipeline (Export-SpokeDiagram).</summary>
        internal PathResult Result { get; }

        /// <summary>Where the path starts, as given (a resource id is shown by its name).</summary>
        public string Source { get; }
        /// <summary>Where the path goes, as given.</summary>
        public string Destination { get; }
        /// <summary>Delivered, Dropped, Loop or Unknown.</summary>
        public string Outcome { get; }
        /// <summary>The most significant transit: ExpressRouteHairpin, VpnGateway, Appliance, VirtualWanHub, Mesh, Direct, Local; None when not delivered.</summary>
        public string Kind { get; }
        /// <summary>Every transit in path order.</summary>
        public DelimitedList<string> Transits { get; }
        /// <summary>The kinds the intent allows; null when no intent applies.</summary>
        public DelimitedList<string>? Intended { get; }
        /// <summary>The intent rule that applies (its name, or the AVNM connectivity configuration); null when none.</summary>
        public string? IntentRule { get; }
        /// <summary>Whether the path meets the intent; null when no intent applies.</summary>
        public bool? Compliant { get; }
        /// <summary>True when both directions cross the same transit devices; null on a reverse path.</summary>
        public bool? Symmetric { get; }
        /// <summary>The address traced from.</summary>
        public string SourceAddress { get; }
        /// <summary>The subnet of the source address (VNET/SUBNET), or null outside every subnet.</summary>
        public string? SourceSubnet { get; }
        /// <summary>The address traced to.</summary>
        public string DestinationAddress { get; }
        /// <summary>The subnet of the destination address (VNET/SUBNET), or null outside every subnet.</summary>
        public string? DestinationSubnet { get; }
        /// <summary>Each hop, with the route that moved the packet on.</summary>
        public DelimitedList<SpokePathHop> Hops { get; }
        /// <summary>Every setting responsible for the outcome or for a difference from the intent.</summary>
        public DelimitedList<SpokePathReason> Reasons { get; }
        /// <summary>The path back from the destination; null on a reverse path itself.</summary>
        public SpokePath? Reverse { get; }
        /// <summary>Other equal-cost paths; empty when there is one path.</summary>
        public DelimitedList<SpokePath> Alternatives { get; }
        /// <summary>Equal-cost paths beyond the ones shown (raise -MaxPaths to see them); 0 when every path is shown.</summary>
        public long MoreAlternatives { get; }
        /// <summary>The flow whose access was evaluated ("443/Tcp"); null without -Port.</summary>
        public string? Flow { get; }
        /// <summary>Allowed, Denied or Unknown: whether NSGs, AVNM security admin rules and firewalls admit the flow; null without -Port (not evaluated).</summary>
        public string? Access { get; }
        /// <summary>The rule that decided Access: the denying rule, or the last allowing rule that is not a platform default; null otherwise.</summary>
        public string? DecidingRule { get; }
        /// <summary>The deciding rule's resource id (a firewall rule's rule collection group, or the firewall for classic collections).</summary>
        public string? DecidingRuleId { get; }
        /// <summary>The deciding rule's priority (a firewall rule's collection priority).</summary>
        public int? DecidingRulePriority { get; }
        /// <summary>Inbound or Outbound for NSG and security admin rules; null for firewall rules.</summary>
        public string? DecidingRuleDirection { get; }
        /// <summary>NetworkSecurityGroup, SecurityAdmin, Firewall or Appliance.</summary>
        public string? DecidingRuleKind { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Source} -> {Destination}: {Outcome} {Kind}" + (Transits.Count > 0 ? $" [{string.Join(", ", Transits)}]" : "");
    }
}
