using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Azure.Export;

namespace AzSpokeTools.Live
{
    /// <summary>What Export-SpokeTopology wrote: the file, what it holds, what could not be read and what it cost.</summary>
    public sealed class TopologyExportResult
    {
        internal TopologyExportResult(ExportSummary summary, string environment, IdentitySource identity)
        {
            OutputPath = summary.OutputPath;
            Resources = summary.Resources;
            Results = summary.Results;
            Complete = summary.Complete;
            DeniedScopes = Output.Delimited.Texts(summary.DeniedScopes);
            ResourceGraphPages = summary.ResourceGraphPages;
            HttpRequests = summary.HttpRequests;
            SecretsRemoved = summary.SecretsRemoved;
            ElapsedMs = (long)summary.Elapsed.TotalMilliseconds;
            Environment = environment;
            Identity = identity.ToString();
        }

        /// <summary>Full path of the snapshot file written.</summary>
        public string OutputPath { get; }
        /// <summary>ARM resources in the snapshot.</summary>
        public int Resources { get; }
        /// <summary>ARM action results (deployment status, learned routes, effective route tables) in the snapshot.</summary>
        public int Results { get; }
        /// <summary>True when nothing was denied or failed (the snapshot's coverage.complete).</summary>
        public bool Complete { get; }
        /// <summary>Scopes (and scope/type pairs) that could not be read; commands answer Unknown for what they hold.</summary>
        public Output.DelimitedList<string> DeniedScopes { get; }
        /// <summary>Resource Graph pages read.</summary>
        public int ResourceGraphPages { get; }
        /// <summary>HTTP attempts made, retries and polls included.</summary>
        public int HttpRequests { get; }
        /// <summary>Secret-bearing properties removed before writing.</summary>
        public int SecretsRemoved { get; }
        /// <summary>Wall-clock time of the export in milliseconds.</summary>
        public long ElapsedMs { get; }
        /// <summary>The Azure environment read (AzureCloud, AzureUSGovernment, AzureChinaCloud).</summary>
        public string Environment { get; }
        /// <summary>The identity used: AccessToken, AzContext or DefaultAzureCredential.</summary>
        public string Identity { get; }
    }
}
