namespace AzSpokeTools.Engine.Migration
{
    /// <summary>ARM constants of the resources the plan writes.</summary>
    public static class AvnmApi
    {
        /// <summary>One api-version for every AVNM resource and action the plan emits or sends (connectivityCapabilities is in its schema).</summary>
        public const string Version = "2025-05-01";
        /// <summary>The api-version of the network resources the plan changes (routes, peerings, gateways).</summary>
        public const string NetworkVersion = "2024-05-01";
        /// <summary>The ARM type of a network manager.</summary>
        public const string NetworkManagerType = "Microsoft.Network/networkManagers";
        /// <summary>The ARM type of a network group.</summary>
        public const string NetworkGroupType = "Microsoft.Network/networkManagers/networkGroups";
        /// <summary>The ARM type of a network group's static member.</summary>
        public const string StaticMemberType = "Microsoft.Network/networkManagers/networkGroups/staticMembers";
        /// <summary>The ARM type of a connectivity configuration.</summary>
        public const string ConnectivityConfigurationType = "Microsoft.Network/networkManagers/connectivityConfigurations";
        /// <summary>The api-version of Azure Policy definitions and assignments.</summary>
        public const string PolicyDefinitionApiVersion = "2023-04-01";
    }
}
