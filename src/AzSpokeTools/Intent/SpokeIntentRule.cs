using System.Linq;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Output;
using AzSpokeTools.Paths;

namespace AzSpokeTools.Intent
{
    /// <summary>Test-SpokeIntent: one intent rule's verdict, the failing pairs counted by kind and a few traced examples.</summary>
    public sealed class SpokeIntentRule
    {
        internal SpokeIntentRule(IntentRuleResult r)
        {
            Name = r.Name;
            Compliant = r.Passed;
            FromAvnm = r.FromAvnm;
            Expect = Delimited.Texts(r.Expect);
            Require = Delimited.Texts(r.Require);
            Forbid = Delimited.Texts(r.Forbid);
            Allow = Delimited.Texts(r.Allow);
            Deny = Delimited.Texts(r.Deny);
            Pairs = r.Pairs;
            PassedPairs = r.PassedPairs;
            Failed = r.Failed;
            FailedByKind = Delimited.Map(r.FailedByKind);
            Problems = Delimited.List(r.Problems);
            Examples = Delimited.List(r.Examples.Select(e => new SpokePath(e)));
        }

        /// <summary>The rule's name (or "AVNM connectivity configuration X").</summary>
        public string Name { get; }
        /// <summary>True when no pair the rule applies to fails it and, with -FailOnEmpty (the default), it has no <see cref="Problems"/>.</summary>
        public bool Compliant { get; }
        /// <summary>True for intent derived from an AVNM connectivity configuration.</summary>
        public bool FromAvnm { get; }
        /// <summary>The kinds a path may have.</summary>
        public DelimitedList<string> Expect { get; }
        /// <summary>Kinds that must each appear in the transits.</summary>
        public DelimitedList<string> Require { get; }
        /// <summary>Kinds that must not appear in the transits.</summary>
        public DelimitedList<string> Forbid { get; }
        /// <summary>Flows the rule's pairs must admit ("443/Tcp").</summary>
        public DelimitedList<string> Allow { get; }
        /// <summary>Flows the rule's pairs must not admit.</summary>
        public DelimitedList<string> Deny { get; }
        /// <summary>Pairs this rule was the first match for.</summary>
        public long Pairs { get; }
        /// <summary>Pairs that meet the rule.</summary>
        public long PassedPairs { get; }
        /// <summary>Pairs that break the rule.</summary>
        public long Failed { get; }
        /// <summary>Failing pairs per actual path kind.</summary>
        public DelimitedMap<long> FailedByKind { get; }
        /// <summary>Why the rule cannot pass however its pairs went: it matches no pair, or a coverage gap holds its VNets.</summary>
        public DelimitedList<string> Problems { get; }
        /// <summary>Traced failing pairs with their reasons (at most -MaxExamples).</summary>
        public DelimitedList<SpokePath> Examples { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Name}: " + (Compliant ? "compliant" : Failed == 0 && Problems.Count > 0 ? string.Join("; ", Problems) : $"{Failed} of {Pairs} pairs fail ({FailedByKind})");
    }
}
