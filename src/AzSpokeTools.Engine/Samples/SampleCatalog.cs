using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace AzSpokeTools.Engine.Samples
{
    /// <summary>
    /// The sample snapshots bundled in the engine assembly (module/samples/*.json), so that every
    /// command runs on a machine with no Azure account. A snapshot argument of the form
    /// <c>sample:NAME</c> names one of them.
    /// </summary>
    public static class SampleCatalog
    {
        /// <summary>Prefix of a snapshot argument that names a bundled sample (<c>sample:hub-firewall</c>).</summary>
        public const string ReferencePrefix = "sample:";

        private const string ResourcePrefix = "samples/";
        private const string ResourceSuffix = ".json";

        private static readonly Assembly Owner = typeof(SampleCatalog).GetTypeInfo().Assembly;

        private static readonly Lazy<IReadOnlyList<string>> LazyNames = new Lazy<IReadOnlyList<string>>(LoadNames);

        /// <summary>Names of the bundled samples, sorted ordinally.</summary>
        public static IReadOnlyList<string> Names => LazyNames.Value;

        /// <summary>Opens the bundled sample <paramref name="name"/> (case-insensitive); false if there is none of that name.</summary>
        public static bool TryOpen(string name, out Stream stream)
        {
            stream = Stream.Null;
            if (string.IsNullOrWhiteSpace(name)) return false;
            string? match = Names.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match == null) return false;
            Stream? s = Owner.GetManifestResourceStream(ResourcePrefix + match + ResourceSuffix);
            if (s == null) return false;
            stream = s;
            return true;
        }

        /// <summary>
        /// True when <paramref name="path"/> is a sample reference <c>sample:NAME</c> (prefix case-insensitive);
        /// <paramref name="name"/> is then the part after the prefix, whether or not such a sample exists.
        /// </summary>
        public static bool IsSampleReference(string path, out string name)
        {
            name = string.Empty;
            if (path == null || !path.StartsWith(ReferencePrefix, StringComparison.OrdinalIgnoreCase)) return false;
            name = path.Substring(ReferencePrefix.Length).Trim();
            return true;
        }

        private static IReadOnlyList<string> LoadNames()
        {
            return Owner.GetManifestResourceNames()
                .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(ResourceSuffix, StringComparison.Ordinal))
                .Select(r => r.Substring(ResourcePrefix.Length, r.Length - ResourcePrefix.Length - ResourceSuffix.Length))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();
        }
    }
}
