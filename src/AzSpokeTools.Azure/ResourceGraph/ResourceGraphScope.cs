using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Azure.ResourceGraph
{
    /// <summary>The subscriptions or the management group one Resource Graph request covers.</summary>
    internal sealed class ResourceGraphScope
    {
        private ResourceGraphScope(IReadOnlyList<string> subscriptions, string? managementGroup)
        {
            Subscriptions = subscriptions;
            ManagementGroup = managementGroup;
        }

        public IReadOnlyList<string> Subscriptions { get; }

        public string? ManagementGroup { get; }

        public static ResourceGraphScope ForSubscriptions(IEnumerable<string> subscriptions) => new ResourceGraphScope(subscriptions.ToList(), null);

        public static ResourceGraphScope ForManagementGroup(string managementGroup) => new ResourceGraphScope(new string[0], managementGroup);

        /// <summary>The ARM scope string used in coverage entries.</summary>
        public string CoverageScope => ManagementGroup != null
            ? "/providers/Microsoft.Management/managementGroups/" + ManagementGroup
            : Subscriptions.Count == 1 ? "/subscriptions/" + Subscriptions[0] : string.Join(",", Subscriptions.Select(s => "/subscriptions/" + s));

        /// <summary>Adds <c>subscriptions</c> or <c>managementGroups</c> to a request body.</summary>
        public void AddTo(JsonObject body)
        {
            if (ManagementGroup != null) body["managementGroups"] = new JsonArray(JsonValue.Create(ManagementGroup));
            else body["subscriptions"] = new JsonArray(Subscriptions.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }
    }
}
