using System.Linq;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Output;

namespace AzSpokeTools.Paths
{
    /// <summary>
    /// One ordered pair of the path matrix as Get-SpokePathMatrix writes it: the pair by name and id, the path's
    /// outcome, kind and transits, and the intent that applies (the columns of <c>azspoke matrix --format json</c>),
    /// as strings and <c>;</c>-joined lists so that Export-Csv and ConvertTo-Json write names, not numbers or type names.
    /// </summary>
    public sealed class PathMatrixEntry
    {
        internal PathMatrixEntry(PathMatrix matrix, PathMatrixRow row)
        {
            var source = matrix.Endpoints[row.Source];
            var destination = matrix.Endpoints[row.Destination];
            Source = source.Name;
            Destination = destination.Name;
            SourceId = source.Id.Value;
            DestinationId = destination.Id.Value;
            Outcome = row.Outcome.ToString();
            Kind = row.Kind.ToString();
            Transits = Delimited.Texts(row.Summary.Transits);
            Alternatives = row.Alternatives;
            Intended = row.Intent == null ? null : Delimited.Texts(row.Intent.Expect);
            IntentRule = row.Intent?.RuleName;
            Compliant = row.Compliant;
            if (row.Reasons != null) Reasons = Delimited.List(row.Reasons.Select(r => new SpokePathReason(r)));
            Access = row.Access?.ToString();
            DecidingRule = row.AccessRule?.Name;
            DecidingRuleId = row.AccessRule?.ResourceId;
        }

        /// <summary>The source VNet (or VNET/SUBNET at subnet level).</summary>
        public string Source { get; }
        /// <summary>The destination VNet (or VNET/SUBNET).</summary>
        public string Destination { get; }
        /// <summary>The source's resource id.</summary>
        public string SourceId { get; }
        /// <summary>The destination's resource id.</summary>
        public string DestinationId { get; }
        /// <summary>Delivered, Dropped, Loop or Unknown.</summary>
        public string Outcome { get; }
        /// <summary>The most significant transit of the path.</summary>
        public string Kind { get; }
        /// <summary>Every transit in path order.</summary>
        public DelimitedList<string> Transits { get; }
        /// <summary>Equal-cost alternatives beyond the first path.</summary>
        public int Alternatives { get; }
        /// <summary>The kinds the intent allows, or null when no intent covers the pair.</summary>
        public DelimitedList<string>? Intended { get; }
        /// <summary>The intent rule that applies, or null.</summary>
        public string? IntentRule { get; }
        /// <summary>True or false against the intent, null when no intent covers the pair.</summary>
        public bool? Compliant { get; }
        /// <summary>
        /// With -Reasons: the causes and fixes found along the first path, then the intent's violations (empty when there is
        /// nothing to explain); null without -Reasons.
        /// </summary>
        public DelimitedList<SpokePathReason>? Reasons { get; }
        /// <summary>Allowed, Denied or Unknown for the -Port flow; null without -Port.</summary>
        public string? Access { get; }
        /// <summary>The rule that decided Access (denying, or the last non-default allowing rule); null otherwise.</summary>
        public string? DecidingRule { get; }
        /// <summary>The deciding rule's resource id.</summary>
        public string? DecidingRuleId { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Source} -> {Destination}: {Outcome} {Kind}";
    }
}
