namespace AzSpokeTools.Engine.Migration
{
    /// <summary>ARM constants of the resources the plan writes.</summary>
    public static class AvnmApi
    {
        /// <summary>One api-version for every AVNM resource and action the plan emits or sends (connectivityCapabilities is in its schema).</summary>
        public const string Version = "2025-05-01";
        /// <summary>The api-version of the network resources the plan changes (routes, peerings, gateways).</summary>
        public const string NetworkVersion = "2024-05-01";
        public const string NetworkManagerType = "Microsoft.Network/networkManagers";
        public const string NetworkGroupType = "Microsoft.Network/networkManagers/networkGroups";
        public const string StaticMemberType = "Microsoft.Network/networkManagers/networkGroups/staticMembers";
        public const string ConnectivityConfigurationType = "Microsoft.Network/networkManagers/connectivityConfigurations";
        /// <summary>The api-version of Azure Policy definitions and assignments.</summary>
        public const string PolicyDefinitionApiVersion = "2023-04-01";
    }
}
