using AzSpokeTools.Engine.Verification;
using AzSpokeTools.Output;

namespace AzSpokeTools.Routes
{
    /// <summary>Computed versus captured effective routes of one network interface (Get-SpokeEffectiveRoute -Verify).</summary>
    public sealed class SpokeRouteVerification
    {
        internal SpokeRouteVerification(NicVerification v)
        {
            NetworkInterfaceId = v.NetworkInterfaceId.Value;
            Name = v.Name;
            CapturedRoutes = v.CapturedRoutes;
            Matched = v.Matched;
            Agreement = v.Agreement;
            Agrees = v.Agrees;
            Differences = Delimited.List(System.Linq.Enumerable.Select(v.Differences, d => new SpokeRouteDifference(d)));
            Tolerated = Delimited.Texts(v.Tolerated);
            Error = v.Error;
        }

        /// <summary>The network interface's resource id.</summary>
        public string NetworkInterfaceId { get; }
        /// <summary>The network interface's name.</summary>
        public string Name { get; }
        /// <summary>Routes in the table Azure returned.</summary>
        public int CapturedRoutes { get; }
        /// <summary>Captured routes the computation reproduced exactly.</summary>
        public int Matched { get; }
        /// <summary>Matched / captured, 0..1.</summary>
        public double Agreement { get; }
        /// <summary>True when the NIC was computed and nothing differs.</summary>
        public bool Agrees { get; }
        /// <summary>Each disagreement.</summary>
        public DelimitedList<SpokeRouteDifference> Differences { get; }
        /// <summary>Known platform variations not counted as differences.</summary>
        public DelimitedList<string> Tolerated { get; }
        /// <summary>Why the NIC could not be computed, or null.</summary>
        public string? Error { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Name}: " + (Error ?? (Agrees ? "agrees" : Differences.Count + " difference(s)"));
    }

    /// <summary>One disagreement between a computed and a captured route.</summary>
    public sealed class SpokeRouteDifference
    {
        internal SpokeRouteDifference(RouteDifference d)
        {
            Kind = d.Kind.ToString();
            AddressPrefix = d.AddressPrefix;
            Captured = d.Captured;
            Computed = d.Computed;
        }

        /// <summary>Missing, Extra, DifferentNextHop or DifferentState.</summary>
        public string Kind { get; }
        /// <summary>The prefix of the route.</summary>
        public string AddressPrefix { get; }
        /// <summary>The captured route as text, or null.</summary>
        public string? Captured { get; }
        /// <summary>The computed route as text, or null.</summary>
        public string? Computed { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Kind} {AddressPrefix}";
    }
}
