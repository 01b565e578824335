using System;
using Azure.Identity;

namespace AzSpokeTools.Azure.Identity
{
    /// <summary>
    /// An Azure cloud: where its Resource Manager lives and which Entra ID authority issues its tokens.
    /// The token scope for ARM (and Resource Graph, which is served from the ARM endpoint) is
    /// <c>{arm}/.default</c>.
    /// </summary>
    public sealed class AzureCloud
    {
        /// <summary>Azure public cloud.</summary>
        public static readonly AzureCloud AzureCloudPublic =
            new AzureCloud("AzureCloud", new Uri("https://management.azure.com"), AzureAuthorityHosts.AzurePublicCloud);

        /// <summary>Azure US Government.</summary>
        public static readonly AzureCloud AzureUSGovernment =
            new AzureCloud("AzureUSGovernment", new Uri("https://management.usgovcloudapi.net"), AzureAuthorityHosts.AzureGovernment);

        /// <summary>Azure operated by 21Vianet (China).</summary>
        public static readonly AzureCloud AzureChinaCloud =
            new AzureCloud("AzureChinaCloud", new Uri("https://management.chinacloudapi.cn"), AzureAuthorityHosts.AzureChina);

        private AzureCloud(string name, Uri resourceManager, Uri authorityHost)
        {
            Name = name;
            ResourceManagerEndpoint = resourceManager;
            AuthorityHost = authorityHost;
        }

        /// <summary>The environment name as Az PowerShell and the Azure CLI spell it.</summary>
        public string Name { get; }

        /// <summary>The ARM endpoint, without a trailing slash.</summary>
        public Uri ResourceManagerEndpoint { get; }

        /// <summary>The Entra ID authority used when a credential is created here.</summary>
        public Uri AuthorityHost { get; }

        /// <summary>The OAuth scope for ARM in this cloud, e.g. <c>https://management.azure.com/.default</c>.</summary>
        public string TokenScope => ResourceManagerEndpoint.AbsoluteUri.TrimEnd('/') + "/.default";

        /// <summary>
        /// Resolves the cloud from an environment name (default AzureCloud) and an optional explicit ARM
        /// endpoint, which replaces the environment's endpoint (sovereign, private or test clouds) while the
        /// environment still chooses the authority.
        /// </summary>
        /// <exception cref="ArgumentException">Unknown environment, or an endpoint that is not an absolute https URL without query.</exception>
        public static AzureCloud Resolve(string? environment, Uri? armEndpoint)
        {
            AzureCloud known;
            if (string.IsNullOrWhiteSpace(environment) || Is(environment!, "AzureCloud")) known = AzureCloudPublic;
            else if (Is(environment!, "AzureUSGovernment")) known = AzureUSGovernment;
            else if (Is(environment!, "AzureChinaCloud")) known = AzureChinaCloud;
            else
                throw new ArgumentException(
                    "Unknown environment '" + environment + "': use AzureCloud, AzureUSGovernment or AzureChinaCloud, or give --arm-endpoint.",
                    "Environment");

            if (armEndpoint == null) return known;
            if (!armEndpoint.IsAbsoluteUri || armEndpoint.Scheme != Uri.UriSchemeHttps)
                throw new ArgumentException("ARM endpoint '" + armEndpoint + "' must be an absolute https URL (bearer tokens are never sent over plain http).", "ArmEndpoint");
            if (!string.IsNullOrEmpty(armEndpoint.Query) || !string.IsNullOrEmpty(armEndpoint.Fragment))
                throw new ArgumentException("ARM endpoint '" + armEndpoint + "' must not carry a query or fragment.", "ArmEndpoint");
            var trimmed = new Uri(armEndpoint.GetLeftPart(UriPartial.Path).TrimEnd('/'));
            return new AzureCloud(known.Name, trimmed, known.AuthorityHost);
        }

        private static bool Is(string a, string b) => string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);
    }
}
