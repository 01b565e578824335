using System.Linq;
using System.Management.Automation;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Engine;
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
        /// Exports <paramref name="scope"/> from Azure to the snapshot file <paramref name="outputPath"/> (written atomically), with
        /// progress, warnings and Ctrl+C handled. Failures are returned as an ErrorRecord (stable ErrorIds from <see cref="SpokeErrors.FromLive"/>).
        /// </summary>
        private protected TopologyExportResult? Export(LiveScope scope, string outputPath, out ErrorRecord? error)
        {
            error = null;
            try
            {
                using var sink = new FileSnapshotSink(outputPath);
                return Export(scope, sink);
            }
            catch (System.Exception e) when (SpokeErrors.FromLive(e, outputPath) is ErrorRecord record)
            {
                error = record;
                return null;
            }
        }

        private TopologyExportResult Export(LiveScope scope, SnapshotSink sink)
        {
            _live = new LiveExport(this);
            try
            {
                return _live.Run(scope, sink);
            }
            finally
            {
                _live = null;
            }
        }

        /// <summary>
        /// Pulls live data for <paramref name="scope"/> and loads it through the same request as -Snapshot, exporter to loader in
        /// memory: no file is written (a stopped or failed read leaves nothing anywhere). Returns null after writing the error
        /// (non-terminating) when <paramref name="terminating"/> is false; throws a terminating error otherwise. Errors name what
        /// was read (the subscriptions or management group).
        /// </summary>
        private protected Topology? LoadLive(LiveScope scope, bool terminating)
        {
            object target = scope.ManagementGroupId ?? (object?)scope.SubscriptionId ?? "every subscription";
            var name = "live data (" + (scope.ManagementGroupId != null ? "management group " + scope.ManagementGroupId
                : scope.SubscriptionId != null ? "subscriptions " + string.Join(", ", scope.SubscriptionId) : "every subscription") + ")";
            using var sink = new MemorySnapshotSink(name);
            TopologyExportResult exported;
            try
            {
                exported = Export(scope, sink);
            }
            catch (System.Exception e) when (SpokeErrors.FromLive(e, target) is ErrorRecord record)
            {
                if (terminating) ThrowTerminatingError(record);
                WriteError(record);
                return null;
            }
            WriteVerbose($"Live data: {exported.Resources} resource(s), {exported.Results} result(s) from {exported.Environment}" + (exported.Complete ? "." : "; not covered: " + string.Join(", ", exported.DeniedScopes) + "."));
            try
            {
                EngineHost.Progress("Loading snapshot", name, -1);
                return new TopologyRequest { Document = sink.OpenRead(), DocumentName = name }.Execute(EngineHost);
            }
            catch (System.Exception e) when (SpokeErrors.FromLiveData(e, target) is ErrorRecord record)
            {
                if (terminating) ThrowTerminatingError(record);
                WriteError(record);
                return null;
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
