using System;
using System.Management.Automation;
using AzSpokeTools.Engine.Hosting;

namespace AzSpokeTools.Hosting
{
    /// <summary>
    /// The engine's host inside a cmdlet: warnings, verbose messages, progress and ShouldProcess go to the
    /// cmdlet's own streams. PowerShell only accepts those calls on the pipeline thread, so every call from
    /// another thread is refused with an exception naming the problem instead of corrupting the pipeline.
    /// </summary>
    internal sealed class CmdletEngineHost : IEngineHost
    {
        private readonly Cmdlet _cmdlet;
        private readonly int _pipelineThreadId;
        private readonly int _activityId;
        private string? _lastActivity;

        /// <param name="cmdlet">The running cmdlet; construct the host on its pipeline thread.</param>
        /// <param name="activityId">Progress activity id, distinct per cmdlet so that nested progress bars do not collide.</param>
        public CmdletEngineHost(Cmdlet cmdlet, int activityId = 1)
        {
            _cmdlet = cmdlet ?? throw new ArgumentNullException(nameof(cmdlet));
            _pipelineThreadId = Environment.CurrentManagedThreadId;
            _activityId = activityId;
        }

        /// <inheritdoc />
        public void Warning(string message)
        {
            EnsurePipelineThread();
            // Warnings quote names from the snapshot: no control or bidi character reaches the host raw.
            _cmdlet.WriteWarning(AzSpokeTools.Engine.Reports.SafeText.Escape(message));
        }

        /// <inheritdoc />
        public void Verbose(string message)
        {
            EnsurePipelineThread();
            _cmdlet.WriteVerbose(AzSpokeTools.Engine.Reports.SafeText.Escape(message));
        }

        /// <inheritdoc />
        public void Progress(string activity, string status, int percent)
        {
            EnsurePipelineThread();
            _lastActivity = activity;
            var record = new ProgressRecord(_activityId, activity, string.IsNullOrEmpty(status) ? activity : status)
            {
                PercentComplete = percent < 0 ? -1 : Math.Min(percent, 100),
            };
            _cmdlet.WriteProgress(record);
        }

        /// <summary>Closes the progress bar opened by <see cref="Progress"/>, if any.</summary>
        public void CompleteProgress()
        {
            EnsurePipelineThread();
            if (_lastActivity == null) return;
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _lastActivity, "Completed") { RecordType = ProgressRecordType.Completed });
            _lastActivity = null;
        }

        /// <inheritdoc />
        public bool ShouldProcess(string target, string action)
        {
            EnsurePipelineThread();
            return _cmdlet.ShouldProcess(target, action);
        }

        private void EnsurePipelineThread()
        {
            if (Environment.CurrentManagedThreadId != _pipelineThreadId)
                throw new InvalidOperationException(
                    "The engine called its PowerShell host from a worker thread; PowerShell accepts output, warnings, progress and ShouldProcess only on the pipeline thread.");
        }
    }
}
