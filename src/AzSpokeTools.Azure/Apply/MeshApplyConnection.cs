using System;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Engine.Migration;

namespace AzSpokeTools.Azure.Apply
{
    /// <summary>
    /// The bridge the cmdlet assembly uses for Convert-HairpinToMesh -Apply: only engine and BCL types cross it (the
    /// cmdlet assembly never references Azure SDK assemblies; the module's loader resolves this one from Dependencies/).
    /// </summary>
    public static class MeshApplyConnection
    {
        /// <summary>
        /// A sender for the apply step. Identity: <paramref name="accessToken"/> when given, else DefaultAzureCredential.
        /// </summary>
        /// <exception cref="ArgumentException">An invalid environment or endpoint; ParamName names the parameter.</exception>
        public static IArmRequestSender Create(string? environment, string? armEndpoint, string? accessToken)
        {
            var options = new ExportOptions { Environment = environment, AccessToken = accessToken };
            if (!string.IsNullOrEmpty(armEndpoint))
            {
                if (!Uri.TryCreate(armEndpoint, UriKind.Absolute, out var uri))
                    throw new ArgumentException("'" + armEndpoint + "' is not an absolute URL.", "ArmEndpoint");
                options.ArmEndpoint = uri;
            }
            options.Validate();
            return new ArmApplySender(options);
        }
    }
}
