using System.Management.Automation;
using System.Management.Automation.Host;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// A command runtime that records what a cmdlet writes, so that a cmdlet class can run under the PowerShell
/// engine library without a runspace (Cmdlet.Invoke / direct calls).
/// </summary>
internal sealed class RecordingCommandRuntime : ICommandRuntime
{
    public List<object?> Output { get; } = [];
    public List<ErrorRecord> Errors { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> Verbose { get; } = [];
    public List<ProgressRecord> Progress { get; } = [];
    public List<(string Target, string Action)> ShouldProcessCalls { get; } = [];
    public bool ApproveShouldProcess { get; set; } = true;

    public PSHost? Host => null;
    public PSTransactionContext? CurrentPSTransaction => null;

    public void WriteObject(object? sendToPipeline) => Output.Add(sendToPipeline);
    public void WriteObject(object? sendToPipeline, bool enumerateCollection)
    {
        if (enumerateCollection && sendToPipeline is System.Collections.IEnumerable items and not string)
            foreach (var item in items) Output.Add(item);
        else Output.Add(sendToPipeline);
    }
    public void WriteError(ErrorRecord errorRecord) => Errors.Add(errorRecord);
    public void WriteWarning(string text) => Warnings.Add(text);
    public void WriteVerbose(string text) => Verbose.Add(text);
    public void WriteDebug(string text) { }
    public void WriteCommandDetail(string text) { }
    public void WriteProgress(ProgressRecord progressRecord) => Progress.Add(progressRecord);
    public void WriteProgress(long sourceId, ProgressRecord progressRecord) => Progress.Add(progressRecord);

    public bool ShouldProcess(string? target) => ShouldProcess(target, null);
    public bool ShouldProcess(string? target, string? action)
    {
        ShouldProcessCalls.Add((target ?? "", action ?? ""));
        return ApproveShouldProcess;
    }
    public bool ShouldProcess(string? verboseDescription, string? verboseWarning, string? caption) => ShouldProcess(verboseDescription, caption);
    public bool ShouldProcess(string? verboseDescription, string? verboseWarning, string? caption, out ShouldProcessReason shouldProcessReason)
    {
        shouldProcessReason = ShouldProcessReason.None;
        return ShouldProcess(verboseDescription, caption);
    }
    public bool ShouldContinue(string? query, string? caption) => false;
    public bool ShouldContinue(string? query, string? caption, ref bool yesToAll, ref bool noToAll) => false;
    public bool TransactionAvailable() => false;
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void ThrowTerminatingError(ErrorRecord errorRecord) => throw new RuntimeException(errorRecord.ToString(), errorRecord.Exception, errorRecord);
}
