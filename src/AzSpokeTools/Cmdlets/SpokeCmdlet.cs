using System.Management.Automation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Errors;
using AzSpokeTools.Hosting;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>What every AzSpokeTools cmdlet shares: the engine host, snapshot path resolution and error records.</summary>
    public abstract class SpokeCmdlet : PSCmdlet
    {
        private CmdletEngineHost? _engineHost;

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

        /// <summary>Writes an engine failure for one input as a non-terminating error; other exceptions propagate.</summary>
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
