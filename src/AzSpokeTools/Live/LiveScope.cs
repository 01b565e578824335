using System.Security;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Engine.Requests;
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

        /// <summary>The connection (environment, endpoint, identity) through the live layer's one factory, as the CLI makes it.</summary>
        /// <param name="hostIdentity">The caller's Az context, tried when no -AccessToken is given; null: none.</param>
        /// <exception cref="EngineInputException">-Environment, -ArmEndpoint or -AccessToken is invalid.</exception>
        public LiveConnection Connect(IHostIdentity? hostIdentity) =>
            LiveConnection.Create(Environment, ArmEndpoint, AccessToken == null ? null : SecureStrings.ToPlainText(AccessToken), hostIdentity);

        /// <summary>The export options the CLI's <c>azspoke export</c> would build from the same values, over <paramref name="connection"/>.</summary>
        public ExportOptions ToOptions(LiveConnection connection)
        {
            var options = connection.Configure(new ExportOptions
            {
                ManagementGroupId = ManagementGroupId,
                IncludeLearnedRoutes = IncludeLearnedRoutes,
            });
            foreach (var s in SubscriptionId ?? new string[0]) options.SubscriptionIds.Add(s);
            foreach (var n in IncludeEffectiveRoutes ?? new string[0]) options.EffectiveRouteNetworkInterfaceIds.Add(n);
            return options;
        }

        /// <summary>The export options with the connection's identity chosen without the host's sign-in (token, else DefaultAzureCredential).</summary>
        /// <exception cref="EngineInputException">-Environment, -ArmEndpoint or -AccessToken is invalid.</exception>
        public ExportOptions ToOptions() => ToOptions(Connect(null));

        /// <summary>The cmdlet parameter behind one of <see cref="ExportOptions.Validate"/>'s ParamNames.</summary>
        public static string ParameterOf(string? optionName) => optionName switch
        {
            "EffectiveRouteNetworkInterfaceIds" => "IncludeEffectiveRoutes",
            null => "Argument",
            _ => optionName,
        };
    }
}
