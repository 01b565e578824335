using System.Linq;
using System.Management.Automation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Errors;
using AzSpokeTools.Hosting;
using AzSpokeTools.Live;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>What every AzSpokeTools cmdlet shares: the engine host, snapshot path resolution and error records.</summary>
    public abstract class SpokeCmdlet : PSCmdlet
    {
        private CmdletEngineHost? _engineHost;
        private LiveExport? _live;

        /// <summary>The engine's view of this cmdlet (warnings, verbose, progress, ShouldProcess).</summary>
        private protected CmdletEngineHost EngineHost => _engineHost ??= new CmdletEngineHost(this);

        /// <summary>Resolves a -Snapshot value against the current PowerShell location (sample:NAME unchanged).</summary>
        protected string ResolveSnapshot(string value) =>
            SnapshotArgument.Resolve(value, p => SessionState.Path.GetUnresolvedProviderPathFromPSPath(p));

        /// <summary>
        /// Loads a snapshot through the same request the CLI's --snapshot uses. Returns null after writing the
        /// error (non-terminating) when <paramref name="terminating"/> is false; throws a terminating error otherwise.
        /// </summary>
        protected Topology? LoadTopology(string snapshot, bool terminating)
        {
            string resolved;
            try
            {
                resolved = ResolveSnapshot(snapshot);
                EngineHost.Progress("Loading snapshot", resolved, -1);
                return new TopologyRequest { Snapshot = resolved }.Execute(EngineHost);
            }
            catch (System.Exception e) when (SpokeErrors.From(e, snapshot) is ErrorRecord record)
            {
                if (terminating) ThrowTerminatingError(record);
                WriteError(record);
                return null;
            }
        }

        /// <summary>PowerShell's current file-system location (not the process's working directory), for paths written relative to it.</summary>
        private protected string CurrentDirectory => SessionState.Path.CurrentFileSystemLocation.ProviderPath;

        /// <summary>
        /// -AsJson, -OutputFormat and -Quiet each replace the objects with one other output: at most one of them may be given.
        /// </summary>
        /// <exception cref="EngineInputException">Two were given (ErrorId InvalidOutputFormat).</exception>
        private protected static void CheckOutputFormat(bool asJson, string? outputFormat, bool quiet)
        {
            var given = new[] { asJson ? "-AsJson" : null, outputFormat != null ? "-OutputFormat" : null, quiet ? "-Quiet" : null }.Where(g => g != null).ToList();
            if (given.Count > 1) throw new EngineInputException("OutputFormat", string.Join(" and ", given) + " exclude each other; give one");
        }

        /// <summary>Writes a progress record (pipeline thread only), closed by EndProcessing.</summary>
        internal void ReportProgress(string activity, string status) => EngineHost.Progress(activity, status, -1);

        /// <summary>
        /// Exports <paramref name="scope"/> from Azure to <paramref name="outputPath"/>, with progress, warnings
        /// and Ctrl+C handled. Failures are returned as an ErrorRecord (stable ErrorIds from <see cref="SpokeErrors.FromLive"/>).
        /// </summary>
        private protected TopologyExportResult? Export(LiveScope scope, string outputPath, out ErrorRecord? error) =>
            Export(scope, outputPath, outputPath, out error);

        private TopologyExportResult? Export(LiveScope scope, string outputPath, object errorTarget, out ErrorRecord? error)
        {
            error = null;
            _live = new LiveExport(this);
            try
            {
                return _live.Run(scope, outputPath);
            }
            catch (System.Exception e) when (SpokeErrors.FromLive(e, errorTarget) is ErrorRecord record)
            {
                error = record;
                return null;
            }
            finally
            {
                _live = null;
            }
        }

        /// <summary>
        /// Pulls live data for <paramref name="scope"/> into a temporary snapshot, loads it through the same
        /// request as -Snapshot, and deletes the file. Returns null after writing the error (non-terminating)
        /// when <paramref name="terminating"/> is false; throws a terminating error otherwise.
        /// </summary>
        private protected Topology? LoadLive(LiveScope scope, bool terminating)
        {
            var temporary = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "azspoke-live-" + System.Guid.NewGuid().ToString("N") + ".json");
            try
            {
                // Errors name what was being read (the subscriptions or management group), not the temporary file.
                object target = scope.ManagementGroupId ?? (object?)scope.SubscriptionId ?? "every subscription";
                var exported = Export(scope, temporary, target, out var error);
                if (exported == null)
                {
                    if (terminating) ThrowTerminatingError(error!);
                    WriteError(error!);
                    return null;
                }
                WriteVerbose($"Live data: {exported.Resources} resource(s), {exported.Results} result(s) from {exported.Environment}" + (exported.Complete ? "." : "; not covered: " + string.Join(", ", exported.DeniedScopes) + "."));
                return LoadTopology(temporary, terminating);
            }
            finally
            {
                try { System.IO.File.Delete(temporary); } catch (System.IO.IOException) { } catch (System.UnauthorizedAccessException) { }
            }
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _live?.Stop();

        /// <summary>
        /// The cmdlets' error boundary: writes any failure for one input as a non-terminating ErrorRecord with a stable ErrorId and
        /// a specific category (<see cref="SpokeErrors.From"/>: unforeseen failures are InternalError, never an unhandled .NET
        /// exception); only PowerShell's own flow control (a stopped pipeline) propagates.
        /// </summary>
        protected bool TryWriteEngineError(System.Exception e, object? target)
        {
            var record = SpokeErrors.From(e, target);
            if (record == null) return false;
            WriteError(record);
            return true;
        }

        /// <inheritdoc />
        protected override void EndProcessing() => _engineHost?.CompleteProgress();
    }
}
