using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;

namespace AzSpokeTools.Completion
{
    /// <summary>
    /// Tab completion for the module's parameters, by parameter name, so that every cmdlet of the module with such a
    /// parameter gets it: -Snapshot offers sample:NAME and snapshot files; -Source, -Destination, -Target (subnets and NICs,
    /// also when typed as its alias -Subnet or -NetworkInterface), -Subnet, -NetworkInterface, -VirtualNetwork, -Tag, -Region and
    /// -NetworkGroup offer what the topology of the same command
    /// line holds (its -Topology, or its -Snapshot, loaded once and cached); Get-SpokeSample -Name offers sample names.
    /// </summary>
    public static class SpokeArgumentCompleter
    {
        /// <summary>The parameters completed here.</summary>
        public static readonly IReadOnlyList<string> Parameters = new[]
        {
            "Snapshot", "Source", "Destination", "Target", "Subnet", "NetworkInterface", "VirtualNetwork", "Tag", "Region", "NetworkGroup",
        };

        private static readonly object Gate = new object();
        private static string? _cachedKey;
        private static Topology? _cachedTopology;

        /// <summary>
        /// The completions of <paramref name="wordToComplete"/> for <paramref name="parameterName"/>, given the other
        /// parameters already on the command line and the current file-system location.
        /// </summary>
        public static IEnumerable<CompletionResult> Complete(string parameterName, string? wordToComplete, IDictionary? fakeBoundParameters, string currentLocation)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            IEnumerable<string> candidates = parameterName switch
            {
                "Snapshot" => SnapshotValues(word, currentLocation),
                "Name" => SampleCatalog.Names,
                _ => TopologyValues(parameterName, TopologyOf(fakeBoundParameters, currentLocation)),
            };
            return candidates
                .Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(c => c, StringComparer.OrdinalIgnoreCase)
                .Select(c => new CompletionResult(Quote(c), c, CompletionResultType.ParameterValue, c))
                .ToList();
        }

        private static IEnumerable<string> SnapshotValues(string word, string currentLocation)
        {
            foreach (var name in SampleCatalog.Names) yield return SampleCatalog.ReferencePrefix + name;
            if (word.StartsWith(SampleCatalog.ReferencePrefix, StringComparison.OrdinalIgnoreCase)) yield break;
            var directoryPart = Path.GetDirectoryName(word);
            string directory;
            try { directory = Path.Combine(currentLocation, string.IsNullOrEmpty(directoryPart) ? "." : directoryPart); }
            catch (ArgumentException) { yield break; }
            if (!Directory.Exists(directory)) yield break;
            var prefix = string.IsNullOrEmpty(directoryPart) ? "" : directoryPart + Path.DirectorySeparatorChar;
            foreach (var dir in Directory.EnumerateDirectories(directory)) yield return prefix + Path.GetFileName(dir) + Path.DirectorySeparatorChar;
            foreach (var file in Directory.EnumerateFiles(directory, "*.json")) yield return prefix + Path.GetFileName(file);
        }

        private static IEnumerable<string> TopologyValues(string parameterName, Topology? topology)
        {
            if (topology == null) return Enumerable.Empty<string>();
            var vnets = topology.VirtualNetworks.Select(v => v.Name);
            var subnets = topology.VirtualNetworks.SelectMany(v => v.Subnets).Select(s => s.DisplayName);
            var nics = topology.NetworkInterfaces.Select(n => n.Name);
            return parameterName switch
            {
                "Source" or "Destination" => vnets.Concat(subnets).Concat(nics),
                "Target" => subnets.Concat(nics),
                "Subnet" => subnets,
                "NetworkInterface" => nics,
                "VirtualNetwork" => vnets,
                "Tag" => topology.VirtualNetworks.SelectMany(v => v.Tags).Select(t => t.Key + "=" + t.Value),
                "Region" => topology.VirtualNetworks.Select(v => v.Location).Where(l => l.Length > 0),
                "NetworkGroup" => topology.NetworkGroups.Select(g => g.Name),
                _ => Enumerable.Empty<string>(),
            };
        }

        /// <summary>The topology of the command line: its -Topology value, or its -Snapshot loaded (cached while unchanged).</summary>
        private static Topology? TopologyOf(IDictionary? bound, string currentLocation)
        {
            if (bound == null) return null;
            if (bound.Contains("Topology") && Unwrap(bound["Topology"]) is Topology given) return given;
            if (!bound.Contains("Snapshot") || !(Unwrap(bound["Snapshot"]) is string snapshot) || snapshot.Length == 0) return null;
            string resolved;
            string key;
            try
            {
                resolved = SampleCatalog.IsSampleReference(snapshot, out _) ? snapshot : Path.Combine(currentLocation, snapshot);
                key = resolved + "|" + (File.Exists(resolved) ? File.GetLastWriteTimeUtc(resolved).Ticks : 0);
            }
            catch (ArgumentException) { return null; }
            lock (Gate)
            {
                if (key == _cachedKey) return _cachedTopology;
                try { _cachedTopology = new TopologyRequest { Snapshot = resolved }.Execute(new RecordingEngineHost()); }
                catch (Exception e) when (!(e is OutOfMemoryException)) { _cachedTopology = null; }
                _cachedKey = key;
                return _cachedTopology;
            }
        }

        private static object? Unwrap(object? value) => value is PSObject o ? o.BaseObject : value;

        private static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '@', '#' }) < 0 ? value : "'" + value.Replace("'", "''") + "'";
    }
}
