using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>Port ranges of a rule ("*", "443", "1000-2000"); empty means any. An entry that is not a port makes the rule Maybe.</summary>
    internal sealed class PortRanges
    {
        private readonly (int Low, int High)[] _ranges;

        public static readonly PortRanges Any = new PortRanges(Array.Empty<(int, int)>(), true, null);

        private PortRanges((int, int)[] ranges, bool any, string? problem)
        {
            _ranges = ranges;
            IsAny = any;
            Problem = problem;
        }

        /// <summary>True when every port matches.</summary>
        public bool IsAny { get; }
        /// <summary>An entry that is not a port or range, as written; null when all are.</summary>
        public string? Problem { get; }

        public static PortRanges Parse(IReadOnlyList<string> entries)
        {
            if (entries.Count == 0) return Any;
            var list = new List<(int, int)>();
            string? problem = null;
            foreach (var e in entries)
            {
                var t = e.Trim();
                if (t == "*" || t.Equals("Any", StringComparison.OrdinalIgnoreCase)) return Any;
                int dash = t.IndexOf('-');
                if (dash > 0 && Port(t.Substring(0, dash), out var a) && Port(t.Substring(dash + 1), out var b) && a <= b) list.Add((a, b));
                else if (Port(t, out var p)) list.Add((p, p));
                else problem ??= t;
            }
            foreach (var (a, b) in list) if (a == 0 && b == 65535) return Any;
            return new PortRanges(list.ToArray(), false, problem);
        }

        private static bool Port(string s, out int port) =>
            int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;

        public bool Contains(int port)
        {
            foreach (var (a, b) in _ranges) if (port >= a && port <= b) return true;
            return false;
        }

        /// <summary>Yes/No for a given port; for an unknown port (null) Yes only when every port matches, else Maybe.</summary>
        public Match Matches(int? port)
        {
            if (IsAny) return Match.Yes;
            if (port is int p)
            {
                if (Contains(p)) return Match.Yes;
                return Problem != null ? Match.Maybe : Match.No;
            }
            return Match.Maybe;
        }

        /// <inheritdoc />
        public override string ToString() => IsAny ? "*" : string.Join(",", Array.ConvertAll(_ranges, r => r.Low == r.High ? r.Low.ToString(CultureInfo.InvariantCulture) : r.Low + "-" + r.High));
    }
}
