using System.Collections.Generic;
using System.Linq;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>The answer of Test-MeshReadiness: ready when no finding is an error.</summary>
    public sealed class ReadinessReport
    {
        internal ReadinessReport(MeshSelection selection, MeshReadinessOptions options, IReadOnlyList<ReadinessFinding> findings, MeshAdoption adoption)
        {
            Selection = selection;
            Options = options;
            Findings = findings;
            Adoption = adoption;
        }

        /// <summary>What the plan would do about existing connectivity configurations covering selected VNets.</summary>
        public MeshAdoption Adoption { get; }

        /// <summary>The VNets selected for the mesh.</summary>
        public MeshSelection Selection { get; }
        /// <summary>The limits and switches used.</summary>
        public MeshReadinessOptions Options { get; }
        /// <summary>Findings ordered by rule id, then resource id.</summary>
        public IReadOnlyList<ReadinessFinding> Findings { get; }
        /// <summary>True when no finding is an error.</summary>
        public bool Ready => Findings.All(f => f.Severity != ReadinessSeverity.Error);

        /// <summary>Findings of one rule.</summary>
        public IEnumerable<ReadinessFinding> Of(string ruleId) => Findings.Where(f => f.RuleId == ruleId);
    }
}
