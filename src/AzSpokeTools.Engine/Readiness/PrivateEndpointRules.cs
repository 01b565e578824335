using System;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>Private endpoints in the connected group and the high-scale private endpoint prerequisites.</summary>
    internal static class PrivateEndpointRules
    {
        public static void Check(ReadinessChecker c)
        {
            var o = c.Options;
            var endpoints = c.Members.SelectMany(m => c.Routing.PrivateEndpointsByVnet.TryGetValue(m.Id, out var l) ? l : Enumerable.Empty<PrivateEndpoint>()).ToList();
            var groupId = c.Selection.ExistingGroup?.Id.Value ?? (c.Members.Count > 0 ? c.Members[0].Id.Value : "");

            // Azure docs, ARM reference connectivityConfigurations > connectedGroupPrivateEndpointsScale: 2,000 private endpoints per connected group (Standard), 20,000 with HighScale.
            if (endpoints.Count > o.EffectivePrivateEndpointLimit)
                c.Add(ReadinessRules.PrivateEndpointCount, ReadinessSeverity.Error, groupId,
                    $"{endpoints.Count} private endpoints in the selected VNets; the connected group allows {o.EffectivePrivateEndpointLimit}",
                    new Evidence().Add("privateEndpoints", endpoints.Count).Add("limit", o.EffectivePrivateEndpointLimit).Add("highScalePrivateEndpoints", o.HighScalePrivateEndpoints),
                    o.HighScalePrivateEndpoints
                        ? "Split the mesh so that each connected group holds at most 20,000 private endpoints."
                        : "Enable high-scale private endpoints (connectedGroupPrivateEndpointsScale = HighScale) after meeting its prerequisites, or split the mesh.");

            // Azure docs, "How-to: Increase Private Endpoint virtual network limits": 1,000 private endpoints per VNet, 5,000 with high-scale private endpoints.
            int perVnet = o.EffectivePrivateEndpointsPerVnetLimit;
            foreach (var m in c.Members)
            {
                int count = c.Routing.PrivateEndpointsByVnet.TryGetValue(m.Id, out var list) ? list.Count : 0;
                if (count * 10 < perVnet * 9) continue;
                c.Add(ReadinessRules.PrivateEndpointsPerVnet, count > perVnet ? ReadinessSeverity.Error : ReadinessSeverity.Warning, m.Id.Value,
                    $"{m.Name} holds {count} private endpoints; a VNet holds at most {perVnet:N0}" + (o.HighScalePrivateEndpoints ? " with high-scale private endpoints" : ""),
                    new Evidence().Add("privateEndpoints", count).Add("limit", perVnet).Add("highScalePrivateEndpoints", o.HighScalePrivateEndpoints),
                    o.HighScalePrivateEndpoints
                        ? "Move private endpoints into other VNets of the mesh: 5,000 per VNet is the high-scale limit."
                        : "Enable high-scale private endpoints (--high-scale-private-endpoints; 5,000 per VNet) or move private endpoints into other VNets of the mesh.");
            }

            if (!o.HighScalePrivateEndpoints) return;

            // Azure docs, "How-to: Increase Private Endpoint virtual network limits" > "Additional Considerations".
            c.Add(ReadinessRules.HighScalePrivateEndpointSideEffects, ReadinessSeverity.Info, groupId,
                "high-scale private endpoints change how the group's private endpoints are observed and billed: per-endpoint Bytes In / Out metrics are no longer available, on-premises private endpoint traffic is billed as an aggregate on the gateway VNet (the total does not change), and enabling it resets long-running private endpoint connections once",
                new Evidence().Add("privateEndpoints", endpoints.Count).Add("vnets", c.Members.Count).Add("feature", "Microsoft.Network/EnableMaxPrivateEndpointsVia64kPath"),
                "Enable it as its own step before the first wave (the plan's preparation step), in a maintenance window, and move dashboards off the per-endpoint metrics.");

            // Azure docs, "How-to: Increase Private Endpoint virtual network limits" > "Prerequisites": HSPE needs privateEndpointNetworkPolicies Enabled or RouteTableEnabled on every PE subnet.
            var peSubnets = endpoints.Where(e => e.SubnetId != null).Select(e => e.SubnetId!.Value).Distinct();
            foreach (var sid in peSubnets)
            {
                if (!(c.Routing.Subnets.TryGetValue(sid, out var subnet))) continue;
                var policy = subnet.PrivateEndpointNetworkPolicies;
                if (string.Equals(policy, "Enabled", StringComparison.OrdinalIgnoreCase) || string.Equals(policy, "RouteTableEnabled", StringComparison.OrdinalIgnoreCase)) continue;
                c.Add(ReadinessRules.PrivateEndpointSubnetPolicy, ReadinessSeverity.Error, sid.Value,
                    $"private-endpoint subnet {subnet.DisplayName} has privateEndpointNetworkPolicies {policy ?? "(not set)"}; high-scale private endpoints need Enabled or RouteTableEnabled",
                    new Evidence().Add("privateEndpointNetworkPolicies", policy ?? "(not set)").Add("required", "Enabled | RouteTableEnabled"),
                    $"az network vnet subnet update --ids {sid.Value} --private-endpoint-network-policies RouteTableEnabled");
            }

            // Azure docs, "How-to: Increase Private Endpoint virtual network limits" > "Prerequisites": every VNet of the mesh needs privateEndpointVNetPolicies = Basic.
            foreach (var v in c.Members)
            {
                if (string.Equals(v.PrivateEndpointVNetPolicies, "Basic", StringComparison.OrdinalIgnoreCase)) continue;
                c.Add(ReadinessRules.PrivateEndpointVnetPolicy, ReadinessSeverity.Error, v.Id.Value,
                    $"{v.Name} has privateEndpointVNetPolicies {v.PrivateEndpointVNetPolicies ?? "(not set)"}; every VNet of a high-scale private endpoint mesh needs Basic, or it cannot reach private endpoints in the other VNets",
                    new Evidence().Add("privateEndpointVNetPolicies", v.PrivateEndpointVNetPolicies ?? "(not set)").Add("required", "Basic"),
                    $"az network vnet update --ids {v.Id.Value} --pe-vnet-policies Basic (and register Microsoft.Network/EnableMaxPrivateEndpointsVia64kPath on the subscription)");
            }

            // Azure docs, "How-to: Increase Private Endpoint virtual network limits" > "Additional Considerations": enabling or disabling HSPE initiates a one-time connection reset.
            c.Add(ReadinessRules.PrivateEndpointConnectionReset, ReadinessSeverity.Warning, groupId,
                "enabling high-scale private endpoints initiates a one-time connection reset for the group's private endpoint traffic",
                new Evidence().Add("privateEndpoints", endpoints.Count).Add("connectedGroupPrivateEndpointsScale", "HighScale"),
                "Schedule the change in a maintenance window and tell the owners of the affected workloads.");
        }
    }
}
