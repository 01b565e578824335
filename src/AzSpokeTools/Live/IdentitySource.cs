namespace AzSpokeTools.Live
{
    /// <summary>Which identity a live export used, in the order they are tried.</summary>
    public enum IdentitySource
    {
        /// <summary>The token given with -AccessToken.</summary>
        AccessToken,
        /// <summary>The caller's Az PowerShell context (Connect-AzAccount), through Get-AzAccessToken.</summary>
        AzContext,
        /// <summary>DefaultAzureCredential: environment, workload identity, managed identity, Azure CLI, Azure PowerShell.</summary>
        DefaultAzureCredential,
    }
}
