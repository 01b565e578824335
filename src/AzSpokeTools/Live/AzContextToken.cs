using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using AzSpokeTools.Azure.Identity;

namespace AzSpokeTools.Live
{
    /// <summary>
    /// The caller's Az PowerShell context as an identity: <c>Get-AzAccessToken -ResourceUrl {arm}</c> run in
    /// the cmdlet's own runspace (so on the pipeline thread), taking the token in either of its forms (a
    /// SecureString from Az.Accounts 5 on, a string before).
    /// </summary>
    internal static class AzContextToken
    {
        /// <summary>The module whose context is used; it must already be loaded (Connect-AzAccount loads it).</summary>
        public const string ModuleName = "Az.Accounts";

        private const string Script = @"param($ResourceUrl)
$command = Get-Command -Name Get-AzAccessToken -Module Az.Accounts -ErrorAction Stop
$arguments = @{ ResourceUrl = $ResourceUrl; ErrorAction = 'Stop'; WarningAction = 'SilentlyContinue' }
if ($command.Parameters.ContainsKey('AsSecureString')) { $arguments.AsSecureString = $true }
Get-AzAccessToken @arguments";

        /// <summary>True when Az.Accounts is imported in the cmdlet's session.</summary>
        public static bool IsLoaded(PSCmdlet cmdlet) =>
            cmdlet.InvokeCommand.InvokeScript("Get-Module -Name " + ModuleName).Count > 0;

        /// <summary>
        /// A token for <paramref name="resourceUrl"/> from the Az context. Call on the pipeline thread.
        /// </summary>
        /// <exception cref="InvalidOperationException">Az.Accounts refused (not signed in, no context for this cloud) or returned no token.</exception>
        public static HostAccessToken Get(PSCmdlet cmdlet, string resourceUrl)
        {
            Collection<PSObject> output;
            try
            {
                output = cmdlet.InvokeCommand.InvokeScript(Script, false, PipelineResultTypes.None, null, resourceUrl);
            }
            catch (RuntimeException e)
            {
                throw new InvalidOperationException("Get-AzAccessToken failed: " + e.Message, e);
            }
            if (output.Count == 0 || output[0] == null) throw new InvalidOperationException("Get-AzAccessToken returned nothing.");
            var result = output[output.Count - 1];
            var token = Plain(result.Properties["Token"]?.Value);
            if (string.IsNullOrWhiteSpace(token)) throw new InvalidOperationException("Get-AzAccessToken returned no Token.");
            return new HostAccessToken(token!, ExpiresOn(result.Properties["ExpiresOn"]?.Value));
        }

        /// <summary>The ARM resource URL of a token scope: <c>https://management.azure.com/.default</c> -> <c>https://management.azure.com/</c>.</summary>
        public static string ResourceUrlOf(string scope)
        {
            const string suffix = "/.default";
            var url = scope.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? scope.Substring(0, scope.Length - suffix.Length) : scope;
            return url.TrimEnd('/') + "/";
        }

        private static string? Plain(object? value)
        {
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            return value switch
            {
                SecureString secure => SecureStrings.ToPlainText(secure),
                string text => text,
                _ => null,
            };
        }

        private static DateTimeOffset ExpiresOn(object? value)
        {
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            switch (value)
            {
                case DateTimeOffset offset:
                    return offset;
                case DateTime time:
                    return new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time);
                case string text when DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed):
                    return parsed;
                default:
                    // Unknown expiry: taken as valid for an hour, as for -AccessToken.
                    return DateTimeOffset.UtcNow.AddHours(1);
            }
        }
    }
}
