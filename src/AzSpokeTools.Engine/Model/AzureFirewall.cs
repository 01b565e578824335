using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/azureFirewalls in a VNet (AzureFirewallSubnet) or a secured Virtual WAN hub.</summary>
    public sealed class AzureFirewall : AzureResource
    {
        /// <summary>The firewall's private IP addresses (the next hops that reach it).</summary>
        public List<IpAddressValue> PrivateIpAddresses { get; } = new List<IpAddressValue>();
        /// <summary>The AzureFirewallSubnet of a VNet firewall.</summary>
        public ResourceId? SubnetId { get; internal set; }
        /// <summary>The hub of a secured-hub firewall.</summary>
        public ResourceId? VirtualHubId { get; internal set; }
        /// <summary>The firewall policy whose rules the firewall applies, if any.</summary>
        public ResourceId? FirewallPolicyId { get; internal set; }
        /// <summary>Classic rule collections (networkRuleCollections, applicationRuleCollections, natRuleCollections).</summary>
        public List<FirewallRuleCollection> ClassicRuleCollections { get; } = new List<FirewallRuleCollection>();

        internal static AzureFirewall Read(ArmValue n, ResourceId id, string type)
        {
            var f = new AzureFirewall();
            f.ReadCommon(n, id, type);
            foreach (var c in n.Objects("ipConfigurations", "an IP configuration"))
            {
                f.SubnetId ??= c.Ref("subnet");
                if (c.Str("privateIPAddress") is string ip && IpAddressValue.TryParse(ip, out var a)) f.PrivateIpAddresses.Add(a);
            }
            f.VirtualHubId = n.Ref("virtualHub");
            f.FirewallPolicyId = n.Ref("firewallPolicy");
            foreach (var c in n.Objects("networkRuleCollections", "a network rule collection")) f.ClassicRuleCollections.Add(FirewallRuleCollection.ReadClassic(c, id, FirewallRuleKind.Network));
            foreach (var c in n.Objects("applicationRuleCollections", "an application rule collection")) f.ClassicRuleCollections.Add(FirewallRuleCollection.ReadClassic(c, id, FirewallRuleKind.Application));
            foreach (var c in n.Objects("natRuleCollections", "a NAT rule collection")) f.ClassicRuleCollections.Add(FirewallRuleCollection.ReadClassic(c, id, FirewallRuleKind.Nat));
            if (n.Obj("hubIPAddresses") is ArmValue hub &&
                hub.Str("privateIPAddress") is string hip && IpAddressValue.TryParse(hip, out var h))
                f.PrivateIpAddresses.Add(h);
            return f;
        }
    }
}
