namespace AzSpokeTools.Module.Tests;

/// <summary>
/// PowerShell's approved verbs as <c>Get-Verb</c> lists them in Windows PowerShell 5.1. PowerShell 6+ adds
/// Build and Deploy; the module also runs on 5.1, where those two would make Import-Module warn, so they
/// are not accepted here.
/// </summary>
internal static class ApprovedVerbs
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        // Common
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New",
        "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show",
        "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
        // Communications
        "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
        // Data
        "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand",
        "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync",
        "Unpublish", "Update",
        // Diagnostic
        "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
        // Lifecycle
        "Approve", "Assert", "Complete", "Confirm", "Deny", "Disable", "Enable", "Install", "Invoke", "Register", "Request",
        "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
        // Security
        "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
        // Other
        "Use",
    };

    /// <summary>Verbs that change something (in Azure, for this module): such a cmdlet must support ShouldProcess with ConfirmImpact High.</summary>
    public static readonly IReadOnlySet<string> Changing = new HashSet<string>(StringComparer.Ordinal)
    {
        "Add", "Clear", "Install", "New", "Publish", "Register", "Remove", "Rename", "Reset", "Restart", "Set", "Start",
        "Stop", "Uninstall", "Unregister", "Update", "Enable", "Disable", "Grant", "Revoke", "Deny", "Approve",
    };
}
