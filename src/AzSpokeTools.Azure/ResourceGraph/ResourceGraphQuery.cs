using System.Linq;

namespace AzSpokeTools.Azure.ResourceGraph
{
    /// <summary>
    /// The one Resource Graph query of an export: every top-level network type the engine reads
    /// (docs/architecture.md#resource-types-that-matter), from the <c>resources</c> table, in ARM shape.
    /// Child types Resource Graph does not hold (AVNM network groups, static members, connectivity
    /// configurations and security admin configurations with their rule collections and rules; firewall
    /// policy rule collection groups; virtual hub connections, route tables and routing intent) are read from ARM.
    /// </summary>
    internal static class ResourceGraphQuery
    {
        /// <summary>Top-level types read through Resource Graph (lower case, as Resource Graph stores them).</summary>
        public static readonly string[] TopLevelTypes =
        {
            "microsoft.network/virtualnetworks",
            "microsoft.network/routetables",
            "microsoft.network/networkinterfaces",
            "microsoft.network/virtualnetworkgateways",
            "microsoft.network/connections",
            "microsoft.network/localnetworkgateways",
            "microsoft.network/expressroutecircuits",
            "microsoft.network/azurefirewalls",
            "microsoft.network/networkvirtualappliances",
            "microsoft.network/privateendpoints",
            "microsoft.network/loadbalancers",
            "microsoft.network/virtualwans",
            "microsoft.network/virtualhubs",
            "microsoft.network/vpngateways",
            "microsoft.network/expressroutegateways",
            "microsoft.network/vpnsites",
            "microsoft.network/networkmanagers",
            "microsoft.network/networksecuritygroups",
            "microsoft.network/applicationsecuritygroups",
            "microsoft.network/firewallpolicies",
            "microsoft.network/ipgroups",
        };

        /// <summary>Columns projected only to help the export; removed from every row before it is written.</summary>
        public static readonly string[] HelperColumns = { "subscriptionId", "resourceGroup", "tenantId" };

        /// <summary>ARM columns Resource Graph fills with null or "" when the resource has none; such empty values are dropped.</summary>
        public static readonly string[] OptionalArmColumns = { "sku", "zones", "kind", "identity", "extendedLocation", "managedBy", "plan" };

        /// <summary>The KQL text. Ordered by id so that <c>$skipToken</c> paging is stable.</summary>
        public static string Text { get; } =
            "resources"
            + " | where type in~ (" + string.Join(", ", TopLevelTypes.Select(t => "'" + t + "'")) + ")"
            + " | project id, name, type, location, tags, properties, sku, zones, kind, identity, extendedLocation, managedBy, subscriptionId, resourceGroup"
            + " | order by id asc";

        /// <summary>The REST path of the Resource Graph query API.</summary>
        public const string Path = "/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01";
    }
}
