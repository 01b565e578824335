using System.Collections.Generic;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>Path kind helpers: significance order and parsing (docs/routing-model.md#vocabulary).</summary>
    internal static class PathKinds
    {
        // docs/routing-model.md#vocabulary: a path's kind is its most significant transit in this order.
        private static readonly PathKind[] Significance =
        {
            PathKind.ExpressRouteHairpin, PathKind.VpnGateway, PathKind.Appliance, PathKind.VirtualWanHub, PathKind.Mesh, PathKind.Direct, PathKind.Local,
        };

        /// <summary>The most significant transit of a delivered path; None when not delivered.</summary>
        public static PathKind KindOf(PathOutcome outcome, IReadOnlyList<PathKind> transits)
        {
            if (outcome != PathOutcome.Delivered) return PathKind.None;
            foreach (var k in Significance)
                for (int i = 0; i < transits.Count; i++)
                    if (transits[i] == k) return k;
            return PathKind.None;
        }

        /// <summary>Parses a kind name case-insensitively.</summary>
        public static bool TryParse(string? text, out PathKind kind)
        {
            kind = PathKind.None;
            if (text == null) return false;
            foreach (PathKind k in System.Enum.GetValues(typeof(PathKind)))
                if (string.Equals(k.ToString(), text.Trim(), System.StringComparison.OrdinalIgnoreCase)) { kind = k; return true; }
            return false;
        }
    }
}
