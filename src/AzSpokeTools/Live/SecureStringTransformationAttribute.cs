using System;
using System.Management.Automation;
using System.Security;

namespace AzSpokeTools.Live
{
    /// <summary>
    /// Lets a SecureString parameter also take a plain string, so that -AccessToken accepts the Token of
    /// Get-AzAccessToken in both its forms (a SecureString from Az.Accounts 5 on, a string before) and the
    /// output of <c>az account get-access-token --query accessToken -o tsv</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case SecureString secure:
                    return secure;
                case string text:
                    var result = new SecureString();
                    foreach (var c in text) result.AppendChar(c);
                    result.MakeReadOnly();
                    return result;
                default:
                    throw new ArgumentTransformationMetadataException(
                        "An access token must be a SecureString or a string, not " + value.GetType().FullName + ".");
            }
        }
    }
}
