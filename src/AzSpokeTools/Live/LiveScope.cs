using System;
using System.Security;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Engine;

namespace AzSpokeTools.Live
{
    /// <summary>
    /// What a cmdlet was told to read from Azure: the same choices as <c>azspoke export</c>
    /// (-SubscriptionId or -ManagementGroupId or neither, -Environment, -ArmEndpoint, -AccessToken, and what
    /// to capture beyond the inventory), mapped onto the live layer's <see cref="ExportOptions"/>.
    /// </summary>
    internal sealed class LiveScope
    {
        public string[]? SubscriptionId { get; set; }
        public string? ManagementGroupId { get; set; }
        public string? Environment { get; set; }
        public string? ArmEndpoint { get; set; }
        public SecureString? AccessToken { get; set; }
        public bool IncludeLearnedRoutes { get; set; }
        public string[]? IncludeEffectiveRoutes { get; set; }

        /// <summary>The export options the CLI's <c>azspoke export</c> would build from the same values.</summary>
        /// <exception cref="EngineInputException">-ArmEndpoint is not an absolute URL.</exception>
        public ExportOptions ToOptions()
        {
            var options = new ExportOptions
            {
                ManagementGroupId = ManagementGroupId,
                Environment = Environment,
                AccessToken = AccessToken == null ? null : SecureStrings.ToPlainText(AccessToken),
                IncludeLearnedRoutes = IncludeLearnedRoutes,
            };
            foreach (var s in SubscriptionId ?? new string[0]) options.SubscriptionIds.Add(s);
            foreach (var n in IncludeEffectiveRoutes ?? new string[0]) options.EffectiveRouteNetworkInterfaceIds.Add(n);
            if (ArmEndpoint != null)
            {
                if (!Uri.TryCreate(ArmEndpoint, UriKind.Absolute, out var uri))
                    throw new EngineInputException("ArmEndpoint", "'" + ArmEndpoint + "' is not an absolute URL");
                options.ArmEndpoint = uri;
            }
            return options;
        }

        /// <summary>The cmdlet parameter behind one of <see cref="ExportOptions.Validate"/>'s ParamNames.</summary>
        public static string ParameterOf(string? optionName) => optionName switch
        {
            "EffectiveRouteNetworkInterfaceIds" => "IncludeEffectiveRoutes",
            null => "Argument",
            _ => optionName,
        };
    }
}
