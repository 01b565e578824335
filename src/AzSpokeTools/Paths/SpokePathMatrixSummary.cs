using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Output;

namespace AzSpokeTools.Paths
{
    /// <summary>Get-SpokePathMatrix -Summary: the counts of <c>azspoke matrix --format summary</c>.</summary>
    public sealed class SpokePathMatrixSummary
    {
        internal SpokePathMatrixSummary(PathMatrixSummary s)
        {
            Pairs = s.Pairs;
            ByKind = Delimited.Map(s.ByKind);
            ByOutcome = Delimited.Map(s.ByOutcome);
            Violations = s.Violations;
            PairsWithIntent = s.PairsWithIntent;
            PairsWithAlternatives = s.PairsWithAlternatives;
            ElapsedMs = s.ElapsedMs;
            Skipped = Delimited.Texts(s.Skipped);
            ByAccess = Delimited.Map(s.ByAccess);
        }

        /// <summary>Ordered pairs evaluated.</summary>
        public long Pairs { get; }
        /// <summary>Pairs per path kind.</summary>
        public DelimitedMap<long> ByKind { get; }
        /// <summary>Pairs per outcome.</summary>
        public DelimitedMap<long> ByOutcome { get; }
        /// <summary>Pairs whose path does not meet the intent that applies to them.</summary>
        public long Violations { get; }
        /// <summary>Pairs some intent applies to.</summary>
        public long PairsWithIntent { get; }
        /// <summary>Pairs with more than one equal-cost path.</summary>
        public long PairsWithAlternatives { get; }
        /// <summary>Time the matrix took.</summary>
        public long ElapsedMs { get; }
        /// <summary>Endpoints left out, and why.</summary>
        public DelimitedList<string> Skipped { get; }
        /// <summary>Pairs per access verdict of the -Port flow; empty without -Port.</summary>
        public DelimitedMap<long> ByAccess { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Pairs} pairs ({ByKind}); {Violations} violation(s)";
    }
}
