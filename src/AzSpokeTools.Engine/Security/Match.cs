namespace AzSpokeTools.Engine.Security
{
    /// <summary>Whether a rule (or one of its fields) matches a flow.</summary>
    internal enum Match : byte
    {
        /// <summary>It does not.</summary>
        No,
        /// <summary>It does.</summary>
        Yes,
        /// <summary>It does, by an assumption the snapshot cannot confirm (a VirtualNetwork tag holding a default route).</summary>
        Assumed,
        /// <summary>It may: the snapshot lacks what would decide (an unresolved service tag, a name, an incomplete rule).</summary>
        Maybe,
    }

    internal static class MatchLogic
    {
        /// <summary>Both must match: No wins, then Maybe, then Assumed.</summary>
        public static Match And(Match a, Match b)
        {
            if (a == Match.No || b == Match.No) return Match.No;
            if (a == Match.Maybe || b == Match.Maybe) return Match.Maybe;
            if (a == Match.Assumed || b == Match.Assumed) return Match.Assumed;
            return Match.Yes;
        }

        /// <summary>Either may match: Yes wins, then Assumed, then Maybe.</summary>
        public static Match Or(Match a, Match b)
        {
            if (a == Match.Yes || b == Match.Yes) return Match.Yes;
            if (a == Match.Assumed || b == Match.Assumed) return Match.Assumed;
            if (a == Match.Maybe || b == Match.Maybe) return Match.Maybe;
            return Match.No;
        }
    }
}
