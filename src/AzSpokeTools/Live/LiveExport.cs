using System;
using System.Globalization;
using System.Threading;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Cmdlets;

namespace AzSpokeTools.Live
{
    /// <summary>
    /// Runs one live export for a cmdlet: connects through the live layer's factory (-AccessToken, else the caller's Az context
    /// when Az.Accounts is loaded and signed in, else DefaultAzureCredential: <see cref="AzContextIdentity"/>), runs the exporter on worker
    /// threads and brings its warnings, progress, verbose lines and token requests to the pipeline thread.
    /// Cancelled by <see cref="Stop"/> (the cmdlet's StopProcessing); a cancelled or failed export commits nothing, so it leaves no file.
    /// </summary>
    internal sealed class LiveExport
    {
        /// <summary>Progress activity of the export.</summary>
        public const string Activity = "Exporting network topology from Azure";

        private readonly SpokeCmdlet _cmdlet;
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        public LiveExport(SpokeCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>Cancels a running export; safe from any thread, and before or after <see cref="Run"/>.</summary>
        public void Stop() => _cancel.Cancel();

        /// <summary>
        /// Exports <paramref name="scope"/> into <paramref name="sink"/> (a file the user named, or memory for the loader), committed
        /// only when the whole capture succeeded. Call on the pipeline thread.
        /// </summary>
        /// <exception cref="ArgumentException">Bad scope (nothing was sent).</exception>
        /// <exception cref="AzureExportException">Azure or the network failed.</exception>
        /// <exception cref="OperationCanceledException">Stopped.</exception>
        public TopologyExportResult Run(LiveScope scope, SnapshotSink sink)
        {
            // The parameters first: a bad value fails before the Az context or Azure is asked anything.
            scope.ToOptions().Validate();
            var pump = new PipelineThreadPump();
            var connection = scope.Connect(new AzContextIdentity(_cmdlet, pump));
            var options = scope.ToOptions(connection);
            var identity = AzContextIdentity.SourceOf(connection.Identity);
            _cmdlet.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Reading {0} ({1}) as {2}.",
                connection.Cloud.Name, connection.Cloud.ResourceManagerEndpoint.AbsoluteUri, identity));
            var observer = new PumpedObserver(_cmdlet, pump);
            var summary = pump.Run(token => new TopologyExporter(options, observer).ExportAsync(sink, token), _cancel);
            return new TopologyExportResult(summary, connection.Cloud.Name, identity);
        }

        /// <summary>Exporter callbacks (worker threads) queued for the pipeline thread.</summary>
        private sealed class PumpedObserver : IExportObserver
        {
            private readonly SpokeCmdlet _cmdlet;
            private readonly PipelineThreadPump _pump;

            public PumpedObserver(SpokeCmdlet cmdlet, PipelineThreadPump pump)
            {
                _cmdlet = cmdlet;
                _pump = pump;
            }

            public void Warning(string message) => _pump.Post(() => _cmdlet.WriteWarning(message));

            public void Progress(string activity, int pages, int resources) => _pump.Post(() =>
                _cmdlet.ReportProgress(Activity, string.Format(CultureInfo.InvariantCulture, "{0}: {1} pages, {2} resources", activity, pages, resources)));

            public void Verbose(string message) => _pump.Post(() => _cmdlet.WriteVerbose(message));
        }
    }
}
