using System;
using System.Globalization;
using System.Threading;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Cmdlets;

namespace AzSpokeTools.Live
{
    /// <summary>
    /// Runs one live export for a cmdlet: chooses the identity (-AccessToken, else the caller's Az context
    /// when Az.Accounts is loaded and signed in, else DefaultAzureCredential), runs the exporter on worker
    /// threads and brings its warnings, progress, verbose lines and token requests to the pipeline thread.
    /// Cancelled by <see cref="Stop"/> (the cmdlet's StopProcessing); a cancelled or failed export leaves no file.
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

        /// <summary>Exports <paramref name="scope"/> to <paramref name="outputPath"/>. Call on the pipeline thread.</summary>
        /// <exception cref="ArgumentException">Bad scope or output path (nothing was sent).</exception>
        /// <exception cref="AzureExportException">Azure or the network failed.</exception>
        /// <exception cref="OperationCanceledException">Stopped.</exception>
        public TopologyExportResult Run(LiveScope scope, string outputPath)
        {
            var options = scope.ToOptions();
            options.Validate();
            var cloud = AzureCloud.Resolve(options.Environment, options.ArmEndpoint);
            var pump = new PipelineThreadPump();
            var identity = ChooseIdentity(options, cloud, pump);
            _cmdlet.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Reading {0} ({1}) as {2}.",
                cloud.Name, cloud.ResourceManagerEndpoint.AbsoluteUri, identity));
            var observer = new PumpedObserver(_cmdlet, pump);
            var summary = pump.Run(token => new TopologyExporter(options, observer).ExportAsync(outputPath, token), _cancel);
            return new TopologyExportResult(summary, cloud.Name, identity);
        }

        private IdentitySource ChooseIdentity(ExportOptions options, AzureCloud cloud, PipelineThreadPump pump)
        {
            if (options.AccessToken != null) return IdentitySource.AccessToken;
            if (!AzContextToken.IsLoaded(_cmdlet))
            {
                _cmdlet.WriteVerbose(AzContextToken.ModuleName + " is not loaded; using DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI, Azure PowerShell).");
                return IdentitySource.DefaultAzureCredential;
            }
            HostAccessToken first;
            try
            {
                first = AzContextToken.Get(_cmdlet, AzContextToken.ResourceUrlOf(cloud.TokenScope));
            }
            catch (InvalidOperationException e)
            {
                _cmdlet.WriteVerbose("The Az context gave no token (" + e.Message + "); using DefaultAzureCredential.");
                return IdentitySource.DefaultAzureCredential;
            }
            var cached = first;
            options.HostToken = (scope, cancellationToken) =>
            {
                // Azure.Core asks again shortly before expiry; the first token serves until then.
                var current = cached;
                if (current.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(5)) return current;
                var renewed = pump.Invoke(() => AzContextToken.Get(_cmdlet, AzContextToken.ResourceUrlOf(scope)), cancellationToken);
                cached = renewed;
                return renewed;
            };
            return IdentitySource.AzContext;
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
