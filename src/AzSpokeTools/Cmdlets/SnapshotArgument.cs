using System;
using AzSpokeTools.Engine.Samples;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// A -Snapshot value as the engine needs it: <c>sample:NAME</c> unchanged, anything else a file-system
    /// path resolved against PowerShell's current location (not the process's working directory, which
    /// PowerShell does not change on Set-Location).
    /// </summary>
    public static class SnapshotArgument
    {
        /// <param name="value">What the user gave.</param>
        /// <param name="resolveProviderPath">PowerShell's provider-path resolution (SessionState.Path.GetUnresolvedProviderPathFromPSPath).</param>
        public static string Resolve(string value, Func<string, string> resolveProviderPath)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (SampleCatalog.IsSampleReference(value, out _)) return value;
            return resolveProviderPath(value);
        }
    }
}
