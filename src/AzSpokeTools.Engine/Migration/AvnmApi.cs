namespace AzSpokeTools.Engine.Migration
{
    /// <summary>ARM constants of the AVNM resources the plan writes (peers.md §12).</summary>
    public static class AvnmApi
    {
        /// <summary>One api-version for every AVNM resource and action the plan emits or sends (connectivityCapabilities is in its schema).</summary>
        public const string Version = "2025-05-01";
        public const string NetworkManagerType = "Microsoft.Network/networkManagers";
        public const string NetworkGroupType = "Microsoft.Network/networkManagers/networkGroups";
        public const string StaticMemberType = "Microsoft.Network/networkManagers/networkGroups/staticMembers";
        public const string ConnectivityConfigurationType = "Microsoft.Network/networkManagers/connectivityConfigurations";
        public const string PolicyDefinitionApiVersion = "2023-04-01";
    }
}
