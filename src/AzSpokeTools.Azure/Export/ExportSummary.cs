using System;
using System.Collections.Generic;

namespace AzSpokeTools.Azure.Export
{
    /// <summary>What one export wrote and what it cost.</summary>
    public sealed class ExportSummary
    {
        internal ExportSummary(string outputPath, int resources, int results, int resourceGraphPages, int httpRequests,
            TimeSpan elapsed, bool complete, IReadOnlyList<string> deniedScopes, int secretsRemoved)
        {
            OutputPath = outputPath;
            Resources = resources;
            Results = results;
            ResourceGraphPages = resourceGraphPages;
            HttpRequests = httpRequests;
            Elapsed = elapsed;
            Complete = complete;
            DeniedScopes = deniedScopes;
            SecretsRemoved = secretsRemoved;
        }

        /// <summary>The snapshot file written (full path), or the name of a snapshot kept in memory.</summary>
        public string OutputPath { get; }

        /// <summary>ARM resources in the snapshot.</summary>
        public int Resources { get; }

        /// <summary>ARM action results in the snapshot.</summary>
        public int Results { get; }

        /// <summary>Resource Graph pages read.</summary>
        public int ResourceGraphPages { get; }

        /// <summary>HTTP attempts made (retries and polls included).</summary>
        public int HttpRequests { get; }

        /// <summary>Wall-clock time of the export.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>True when nothing was denied or failed (the snapshot's <c>coverage.complete</c>).</summary>
        public bool Complete { get; }

        /// <summary>Scopes (and scope/type pairs) that could not be read.</summary>
        public IReadOnlyList<string> DeniedScopes { get; }

        /// <summary>Secret-bearing properties removed before writing.</summary>
        public int SecretsRemoved { get; }
    }
}
