namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// Where each cmdlet's help page is online (the cmdlets' HelpUri, for Get-Help -Online): docs/&lt;Cmdlet&gt;.md in the
    /// repository named by the manifest's PrivateData.PSData.ProjectUri (a test keeps the two in step).
    /// </summary>
    internal static class HelpLinks
    {
        public const string Docs = "https://github.com/azspoketools/AzSpokeTools/blob/main/docs/";
    }
}
