using System.Text;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Tests.FakeArm;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

/// <summary>
/// Security capture: NSGs, application security groups, firewall policies and IP groups through Resource Graph; AVNM security admin
/// configurations, their rule collections and rules, and firewall policy rule collection groups through ARM list calls; SecurityAdmin
/// deployment status with the connectivity status; and on request a NIC's effectiveNetworkSecurityGroups as a result.
/// </summary>
public class SecurityRuleExportTests
{
    [Fact(Timeout = 60_000)]
    public async Task Security_resources_and_a_nics_effective_security_rules_are_captured_and_read_back()
    {
        var estate = FakeEstate.Generate(12, subscriptionCount: 1);
        var nic = estate.AddSecurity(estate.Subscriptions[0]);
        await using var h = await ExportHarness.StartAsync(estate);
        var options = h.Options();
        options.EffectiveSecurityNetworkInterfaceIds.Add(nic);

        await new TopologyExporter(options).ExportAsync(h.OutputPath);

        var snapshot = h.ReadSnapshot();
        Assert.Equal(estate.ExpectedIds().OrderBy(x => x, StringComparer.OrdinalIgnoreCase), ExportHarness.ResourceIds(snapshot).OrderBy(x => x, StringComparer.OrdinalIgnoreCase));
        Assert.Contains(snapshot["results"]!.AsArray(), r => (string)r!["operation"]! == "effectiveNetworkSecurityGroups" && (string)r["scope"]! == nic);
        // The deployment status request asks for both configuration types.
        var status = Assert.Single(h.Server.Requests, r => r.PathAndQuery.Contains("/listDeploymentStatus", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("\"SecurityAdmin\"", status.Body);
        Assert.Empty(h.Server.Violations);

        var t = SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(snapshot.ToJsonString())), "security-export.json");
        var nsg = Assert.Single(t.NetworkSecurityGroups);
        Assert.Equal("allow-https", Assert.Single(nsg.SecurityRules).Name);
        Assert.Single(t.ApplicationSecurityGroups);
        Assert.Single(t.IpGroups);
        var policy = Assert.Single(t.FirewallPolicies);
        Assert.Equal("allow-web", Assert.Single(Assert.Single(policy.RuleCollectionGroups).RuleCollections).Name);
        var config = Assert.Single(Assert.Single(t.NetworkManagers).SecurityAdminConfigurations);
        Assert.Equal(SecurityRuleAccess.Deny, Assert.Single(Assert.Single(config.RuleCollections).Rules).Access);
        var captured = Assert.Single(t.CapturedEffectiveSecurityGroups[ResourceId.Parse(nic)]);
        Assert.Equal("defaultSecurityRules/AllowVnetInBound", Assert.Single(captured.Rules).Name);
    }

    [Fact]
    public void A_security_nic_that_is_not_a_nic_id_is_refused_before_anything_is_sent()
    {
        var options = new ExportOptions { AccessToken = "t" };
        options.EffectiveSecurityNetworkInterfaceIds.Add("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v");
        var ex = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.Equal("EffectiveSecurityNetworkInterfaceIds", ex.ParamName);
    }
}
