using System.Collections.Generic;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>The stable rule ids of Test-MeshReadiness, each with its title and the platform fact it rests on.</summary>
    internal static class ReadinessRules
    {
        public const string GroupSize = "AVNM001";
        public const string PrivateEndpointCount = "AVNM002";
        public const string PrivateEndpointSubnetPolicy = "AVNM003";
        public const string PrivateEndpointVnetPolicy = "AVNM004";
        public const string PrivateEndpointConnectionReset = "AVNM005";
        public const string OverlapInGroup = "AVNM006";
        public const string OverlapWithPeeredVnet = "AVNM007";
        public const string ConnectedGroupsPerVnet = "AVNM008";
        public const string RouteKeepsPairOffMesh = "AVNM009";
        public const string SummaryRouteBypassed = "AVNM010";
        public const string GatewayTransitDependency = "AVNM011";
        public const string RegionsWithoutGlobalMesh = "AVNM012";
        public const string EnvironmentsMixed = "AVNM013";
        public const string VirtualWanMember = "AVNM014";
        public const string SubnetPeering = "AVNM015";
        public const string PeeringCount = "AVNM016";
        public const string MembershipUnresolved = "AVNM017";
        public const string NetworkManagerScope = "AVNM018";
        public const string PrivateEndpointsPerVnet = "AVNM019";
        public const string ExpressRouteAdvertisedPrefixes = "AVNM020";
        public const string HighScalePrivateEndpointSideEffects = "AVNM021";
        public const string ExistingMeshCoversSelection = "AVNM022";
        public const string RegionDeploymentState = "AVNM023";
        public const string DeploymentStatusNotCaptured = "AVNM024";
        public const string RouteServerPeers = "AVNM030";

        /// <summary>Rule id to (title, the platform fact's source).</summary>
        public static IReadOnlyDictionary<string, (string Title, string Source)> Catalog { get; } = new SortedDictionary<string, (string, string)>
        {
            [GroupSize] = ("Connected-group size within the limit (250; high-scale 3,000 or 5,000)", "Azure docs, \"Limitations with Azure Virtual Network Manager\" > \"Connected group limitations\""),
            [PrivateEndpointCount] = ("Private endpoints in the group within 2,000 (20,000 with high-scale private endpoints)", "Azure docs, ARM template reference Microsoft.Network/networkManagers/connectivityConfigurations > connectedGroupPrivateEndpointsScale (Standard 2K, HighScale 20K)"),
            [PrivateEndpointSubnetPolicy] = ("High-scale private endpoints: privateEndpointNetworkPolicies Enabled or RouteTableEnabled on every private-endpoint subnet", "Azure docs, \"How-to: Increase Private Endpoint virtual network limits\" > \"Prerequisites\""),
            [PrivateEndpointVnetPolicy] = ("High-scale private endpoints: privateEndpointVNetPolicies Basic on every VNet of the mesh", "Azure docs, \"How-to: Increase Private Endpoint virtual network limits\" > \"Prerequisites\""),
            [PrivateEndpointConnectionReset] = ("Enabling high-scale private endpoints resets connections once", "Azure docs, \"How-to: Increase Private Endpoint virtual network limits\" > \"Additional Considerations\""),
            [OverlapInGroup] = ("Overlapping address spaces inside the group (traffic to the overlap is dropped)", "Azure docs, \"Limitations with Azure Virtual Network Manager\" > \"Connected group limitations\""),
            [OverlapWithPeeredVnet] = ("Member peered with an outside VNet that overlaps another member", "Azure docs, \"Limitations with Azure Virtual Network Manager\" > \"Connected group limitations\""),
            [ConnectedGroupsPerVnet] = ("VNet already in two connected groups", "Azure docs, \"Limitations with Azure Virtual Network Manager\" > \"Connected group limitations\""),
            [RouteKeepsPairOffMesh] = ("UDR with an equal or longer prefix keeps a pair off the mesh", "Azure docs, \"Virtual network traffic routing\" > \"How Azure selects a route\""),
            [SummaryRouteBypassed] = ("Summary UDR bypassed by the more specific ConnectedGroup routes (inspection lost)", "Azure docs, \"Virtual network traffic routing\" > \"How Azure selects a route\" (longest prefix match)"),
            [GatewayTransitDependency] = ("Member uses a hub gateway; gateway routes do not propagate over a connected group", "Azure docs, \"Connectivity configuration in Azure Virtual Network Manager\" > \"Connected group\""),
            [RegionsWithoutGlobalMesh] = ("Members in several regions without global mesh", "Azure docs, \"Connectivity configuration in Azure Virtual Network Manager\" > \"Mesh network topology\""),
            [EnvironmentsMixed] = ("Development and production members in one group", "Cloud Adoption Framework, landing-zone network segmentation (separate environments)"),
            [VirtualWanMember] = ("Member connected to a Virtual WAN hub", "Azure docs, \"Azure Virtual Network Manager FAQ\""),
            [SubnetPeering] = ("Member uses subnet peering", "Azure docs, \"Connectivity configuration in Azure Virtual Network Manager\""),
            [PeeringCount] = ("Peerings per VNet within the limit (500; 500 with an ExpressRoute gateway; 1,000 with AVNM)", "Azure docs, \"Azure subscription and service limits\" > \"Networking limits\""),
            [MembershipUnresolved] = ("Network group membership not resolvable offline", "Azure docs, \"Configuring Azure Policy with network groups in Azure Virtual Network Manager\""),
            [NetworkManagerScope] = ("The network manager's scope (subscriptions, management groups) covers every member", "Azure docs, \"Understand and work with Azure Virtual Network Manager scopes\" > \"Scope\""),
            [PrivateEndpointsPerVnet] = ("Private endpoints per VNet within 1,000 (5,000 with high-scale private endpoints)", "Azure docs, \"How-to: Increase Private Endpoint virtual network limits\""),
            [ExpressRouteAdvertisedPrefixes] = ("Prefixes each ExpressRoute gateway advertises within 1,000 IPv4 / 100 IPv6, before and after the mesh", "Azure docs, \"Azure subscription and service limits\" > \"ExpressRoute limits\" > \"Route advertisement limits\""),
            [HighScalePrivateEndpointSideEffects] = ("High-scale private endpoints: per-endpoint metrics, billing and one connection reset (its own plan step)", "Azure docs, \"How-to: Increase Private Endpoint virtual network limits\" > \"Additional Considerations\""),
            [ExistingMeshCoversSelection] = ("An existing connectivity configuration already covers selected VNets: adopted, or the plan is refused", "Azure docs, \"Configuration deployments in Azure Virtual Network Manager\" > \"Goal state model\""),
            [RegionDeploymentState] = ("A member region's last Connectivity commit is not Deployed (NotStarted, Deploying or Failed)", "Azure docs, \"Configuration deployments in Azure Virtual Network Manager\" > \"Deployment status\""),
            [DeploymentStatusNotCaptured] = ("The network manager's deployment status was not captured", "Azure docs, \"Configuration deployments in Azure Virtual Network Manager\" > \"Deployment status\""),
            [RouteServerPeers] = ("Route Server with more BGP peers than it supports (16)", "Azure docs, \"What is Azure Route Server?\" > \"Route Server Limits\""),
        };
    }
}
