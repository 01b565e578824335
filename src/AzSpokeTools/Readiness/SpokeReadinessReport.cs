using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Output;

namespace AzSpokeTools.Readiness
{
    /// <summary>Test-MeshReadiness: whether the selected VNets can join one AVNM mesh, and every finding.</summary>
    public sealed class SpokeReadinessReport
    {
        internal SpokeReadinessReport(ReadinessReport r)
        {
            Ready = r.Ready;
            Selection = r.Selection.Description;
            VirtualNetworks = Delimited.Texts(r.Selection.Members.Select(m => m.Name));
            Unresolved = Delimited.Texts(r.Selection.Unresolved);
            Findings = Delimited.List(r.Findings.Select(f => new SpokeReadinessFinding(f)));
            BySeverity = Delimited.Map(Findings.GroupBy(f => f.Severity).Select(g => new KeyValuePair<string, int>(g.Key, g.Count())));
        }

        /// <summary>True when no finding is an error.</summary>
        public bool Ready { get; }
        /// <summary>How the VNets were chosen.</summary>
        public string Selection { get; }
        /// <summary>The selected VNets by name.</summary>
        public DelimitedList<string> VirtualNetworks { get; }
        /// <summary>Names or patterns of the selection that matched nothing.</summary>
        public DelimitedList<string> Unresolved { get; }
        /// <summary>Findings ordered by rule id, then resource.</summary>
        public DelimitedList<SpokeReadinessFinding> Findings { get; }
        /// <summary>Findings per severity.</summary>
        public DelimitedMap<int> BySeverity { get; }

        /// <inheritdoc />
        public override string ToString() => $"Ready: {Ready}; {VirtualNetworks.Count} VNets; findings {BySeverity}";
    }

    /// <summary>One readiness finding: the rule that fired, on which resource, the evidence read and the fix.</summary>
    public sealed class SpokeReadinessFinding
    {
        internal SpokeReadinessFinding(ReadinessFinding f)
        {
            RuleId = f.RuleId;
            Severity = f.Severity.ToString();
            ResourceId = f.ResourceId;
            Resource = Delimited.ShortName(f.ResourceId);
            Message = f.Message;
            Evidence = Delimited.Map(f.Evidence);
            Fix = f.Fix;
            RelatedResourceIds = Delimited.Texts(f.RelatedResourceIds);
        }

        /// <summary>Stable rule id, e.g. AVNM001.</summary>
        public string RuleId { get; }
        /// <summary>Error, Warning or Info.</summary>
        public string Severity { get; }
        /// <summary>The resource the finding is about.</summary>
        public string ResourceId { get; }
        /// <summary>The resource's name.</summary>
        public string Resource { get; }
        /// <summary>What is wrong.</summary>
        public string Message { get; }
        /// <summary>The values read from the snapshot that made the rule fire.</summary>
        public DelimitedMap<string> Evidence { get; }
        /// <summary>What to change.</summary>
        public string Fix { get; }
        /// <summary>Other resources involved.</summary>
        public DelimitedList<string> RelatedResourceIds { get; }

        /// <inheritdoc />
        public override string ToString() => $"{RuleId} {Severity} {Resource}: {Message}";
    }
}
