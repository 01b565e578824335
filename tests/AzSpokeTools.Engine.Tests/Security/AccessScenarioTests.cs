using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Security;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Security;

/// <summary>
/// Access on small estates built for one rule each: NSG order (subnet then NIC inbound, NIC then subnet outbound), security admin
/// rules before NSGs, firewall rules, appliances, flows, the VirtualNetwork tag and private endpoints.
/// </summary>
public class AccessScenarioTests
{
    private static readonly Flow Https = new(FlowProtocol.Tcp, 443);

    /// <summary>Spokes a (10.1/16) and b (10.2/16) peered directly; b's subnet NSG and NIC NSG given.</summary>
    private static SecureEstate Peered(string? subnetNsg = "nsg-subnet", string? nicNsg = "nsg-nic") => new SecureEstate()
        .Vnet("a", "10.1.0.0/16", ("w", "10.1.0.0/24", null, null))
        .Vnet("b", "10.2.0.0/16", ("w", "10.2.0.0/24", null, subnetNsg))
        .Peer("a", "b")
        .Nic("nic-a", "a", "w", "10.1.0.4")
        .Nic("nic-b", "b", "w", "10.2.0.4", nicNsg);

    internal static PathResult Trace(Topology t, string from, string to, Flow flow, ServiceTagCatalog? tags = null, SecurityOptions? options = null)
    {
        var analyzer = new PathAnalyzer(t, tags);
        if (options != null) analyzer.SecurityOptions = options;
        return analyzer.Trace(PathEndpoints.Resolve(t, from, "Source"), PathEndpoints.Resolve(t, to, "Destination"), null, flow);
    }

    private static IReadOnlyList<SecurityCheck> AtDestination(PathResult r) => r.Access!.ChecksAt(r.Hops.Count - 1);

    [Fact]
    public void InboundTheSubnetNsgIsEvaluatedFirstAndItsDenialEndsTheEvaluation()
    {
        var t = Peered().Nsg("nsg-subnet", "deny-https 100 Inbound Deny Tcp 443 * *").Nsg("nsg-nic", "allow-https 100 Inbound Allow Tcp 443 * *").Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Denied, r.Access!.Verdict);
        Assert.Equal("deny-https", r.Access.DecidingRule!.Name);
        Assert.Equal("nsg-subnet", Assert.Single(AtDestination(r)).Name);
        Assert.Contains(r.Reasons, x => x.Severity == PathReasonSeverity.Error && x.Fix != null && x.Fix.Contains("priority number below 100"));
    }

    [Fact]
    public void InboundTheNicNsgMustAllowWhatTheSubnetNsgAllows()
    {
        var t = Peered().Nsg("nsg-subnet", "allow-https 100 Inbound Allow Tcp 443 * *").Nsg("nsg-nic", "deny-https 100 Inbound Deny Tcp 443 * *").Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Denied, r.Access!.Verdict);
        Assert.Equal(new[] { "nsg-subnet", "nsg-nic" }, AtDestination(r).Select(c => c.Name));
        Assert.Equal(new[] { AccessVerdict.Allowed, AccessVerdict.Denied }, AtDestination(r).Select(c => c.Verdict));
    }

    [Fact]
    public void OutboundTheNicNsgIsEvaluatedBeforeTheSubnetNsg()
    {
        var t = new SecureEstate()
            .Vnet("a", "10.1.0.0/16", ("w", "10.1.0.0/24", null, "nsg-subnet"))
            .Vnet("b", "10.2.0.0/16", ("w", "10.2.0.0/24", null, null))
            .Peer("a", "b")
            .Nic("nic-a", "a", "w", "10.1.0.4", "nsg-nic")
            .Nsg("nsg-subnet", "allow-out 100 Outbound Allow Tcp 443 * *")
            .Nsg("nsg-nic", "deny-out 100 Outbound Deny Tcp 443 * *")
            .Load();
        var r = Trace(t, "nic-a", "10.2.0.4", Https);
        Assert.Equal(AccessVerdict.Denied, r.Access!.Verdict);
        Assert.Equal("nsg-nic", Assert.Single(r.Access.ChecksAt(0)).Name);
        Assert.Null(r.Access.VerdictAt(r.Hops.Count - 1));
    }

    [Fact]
    public void WithoutAnyNsgEveryFlowIsAllowedAndTheCheckSaysSo()
    {
        var r = Trace(Peered(null, null).Load(), "nic-a", "nic-b", new Flow(FlowProtocol.Udp, 5000));
        Assert.Equal(AccessVerdict.Allowed, r.Access!.Verdict);
        Assert.Null(r.Access.DecidingRule);
        Assert.Contains(AtDestination(r), c => c.Name == "(none)" && c.Verdict == AccessVerdict.Allowed);
    }

    [Fact]
    public void DefaultRulesAreSuppliedWhenTheInputOmitsThem()
    {
        var t = Peered().Nsg("nsg-subnet").Nsg("nsg-nic").Load();
        var nsg = t.NetworkSecurityGroups.First();
        Assert.True(nsg.DefaultRulesSupplied);
        Assert.Equal(new[] { "AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound" }, nsg.RulesOf(SecurityRuleDirection.Inbound).Select(r => r.Name));
        // Peered VNets are in the VirtualNetwork tag: AllowVnetInBound admits a -> b, and only default rules decided.
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Allowed, r.Access!.Verdict);
        Assert.Null(r.Access.DecidingRule);
        Assert.All(AtDestination(r), c => Assert.Equal("AllowVnetInBound", c.Rule!.Name));
    }

    [Fact]
    public void AnNsgThatIsNotInTheSnapshotMakesTheAnswerUnknown()
    {
        var r = Trace(Peered(nicNsg: null).Load(), "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Unknown, r.Access!.Verdict);
        Assert.Contains(r.Reasons, x => x.Message.Contains("nsg-subnet") && x.Message.Contains("not in the snapshot"));
    }

    // ---- AVNM security admin rules

    private static SecureEstate WithAdmin(string nsgRule, string? deployedIn, string[] members, params string[] adminRules) =>
        Peered(nicNsg: null).Nsg("nsg-subnet", nsgRule).AdminRules(members, deployedIn, adminRules);

    private const string AdminDeny443 = """{"priority":10,"access":"Deny","direction":"Inbound","protocol":"Tcp","destinationPortRanges":["443"]}""";

    [Fact]
    public void AnAdminDenyBeatsAnNsgAllowAndTheNsgIsNotEvaluated()
    {
        var t = WithAdmin("allow-https 100 Inbound Allow Tcp 443 * *", "westeurope", new[] { "b" }, AdminDeny443).Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Denied, r.Access!.Verdict);
        Assert.Equal(SecurityCheckKind.SecurityAdmin, r.Access.DecidingRule!.Kind);
        Assert.Equal(SecurityCheckKind.SecurityAdmin, Assert.Single(AtDestination(r)).Kind);
    }

    [Fact]
    public void AnAlwaysAllowAdminRuleSkipsTheNsgs()
    {
        var t = WithAdmin("deny-https 100 Inbound Deny Tcp 443 * *", "westeurope", new[] { "b" },
            """{"priority":10,"access":"AlwaysAllow","direction":"Inbound","protocol":"Tcp","destinationPortRanges":["443"]}""").Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Allowed, r.Access!.Verdict);
        Assert.Equal("rule0", r.Access.DecidingRule!.Name);
        Assert.DoesNotContain(AtDestination(r), c => c.Kind == SecurityCheckKind.NetworkSecurityGroup);
    }

    [Fact]
    public void AnAdminAllowHandsTheFlowOnToTheNsgs()
    {
        var t = WithAdmin("deny-https 100 Inbound Deny Tcp 443 * *", "westeurope", new[] { "b" },
            """{"priority":10,"access":"Allow","direction":"Inbound","protocol":"Tcp","destinationPortRanges":["443"]}""").Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Denied, r.Access!.Verdict);
        Assert.Equal("deny-https", r.Access.DecidingRule!.Name);
    }

    [Fact]
    public void AdminRulesApplyOnlyWhereTheirConfigurationIsDeployed()
    {
        var t = WithAdmin("allow-https 100 Inbound Allow Tcp 443 * *", "northeurope", new[] { "b" }, AdminDeny443).Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Allowed, r.Access!.Verdict);
        Assert.Contains(r.Access.Notes, n => n.Contains("not deployed in westeurope"));
    }

    [Fact]
    public void WithoutCapturedDeploymentStatusAdminRulesAreTakenAsDeployedAndTheAnswerSaysSo()
    {
        var t = WithAdmin("allow-https 100 Inbound Allow Tcp 443 * *", null, new[] { "b" }, AdminDeny443).Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Denied, r.Access!.Verdict);
        Assert.Contains(r.Access.Notes, n => n.Contains("deployment status was not captured"));
    }

    [Fact]
    public void AdminRulesOfAGroupWithoutStaticMembersMayApplyAndLeaveTheAnswerUnknown()
    {
        var t = WithAdmin("allow-https 100 Inbound Allow Tcp 443 * *", "westeurope", Array.Empty<string>(), AdminDeny443).Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Unknown, r.Access!.Verdict);
        Assert.Contains(r.Reasons, x => x.Message.Contains("Azure Policy"));
    }

    [Fact]
    public void AnOutboundAdminDenyStopsTheFlowAtTheSource()
    {
        var t = Peered(null, null).AdminRules(new[] { "a" }, "westeurope",
            """{"priority":10,"access":"Deny","direction":"Outbound","protocol":"Any","destinationPortRanges":["443"],"destinations":[{"addressPrefix":"10.2.0.0/16","addressPrefixType":"IPPrefix"}]}""").Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Denied, r.Access!.Verdict);
        Assert.Equal("Outbound", r.Access.DecidingRule!.Direction);
        Assert.Equal(AccessVerdict.Allowed, Trace(t, "nic-b", "nic-a", Https).Access!.Verdict);
    }

    // ---- Azure Firewall and appliances

    /// <summary>a and b send 10.0.0.0/8 to 10.0.1.4 in the hub (a firewall or an NVA).</summary>
    private static SecureEstate Hub() => new SecureEstate()
        .Vnet("hub", "10.0.0.0/16", ("AzureFirewallSubnet", "10.0.1.0/26", null, null), ("nva", "10.0.2.0/24", null, "nsg-nva"))
        .Vnet("a", "10.1.0.0/16", ("w", "10.1.0.0/24", "rt", null))
        .Vnet("b", "10.2.0.0/16", ("w", "10.2.0.0/24", "rt", null))
        .Peer("hub", "a").Peer("hub", "b")
        .RouteTable("rt", ("10.0.0.0/8", "10.0.1.4"))
        .Nic("nic-a", "a", "w", "10.1.0.4").Nic("nic-b", "b", "w", "10.2.0.4");

    private static string Collection(string name, int priority, string action, string rule) =>
        $$"""{"ruleCollectionType":"FirewallPolicyFilterRuleCollection","name":"{{name}}","priority":{{priority}},"action":{"type":"{{action}}"},"rules":[{{rule}}]}""";

    private static string NetRule(string name, string port, string extra = "\"destinationAddresses\":[\"*\"]") =>
        $$"""{"ruleType":"NetworkRule","name":"{{name}}","ipProtocols":["TCP"],"sourceAddresses":["10.0.0.0/8"],"destinationPorts":["{{port}}"],{{extra}}}""";

    [Fact]
    public void ClassicNetworkRuleCollectionsAreProcessedByPriority()
    {
        var classic = """
            [ {"name":"deny-web","properties":{"priority":200,"action":{"type":"Deny"},"rules":[{"name":"d","protocols":["TCP"],"sourceAddresses":["*"],"destinationAddresses":["*"],"destinationPorts":["443"]}]}},
              {"name":"allow-web","properties":{"priority":100,"action":{"type":"Allow"},"rules":[{"name":"a","protocols":["TCP"],"sourceAddresses":["10.1.0.0/16"],"destinationAddresses":["10.2.0.0/16"],"destinationPorts":["443"]}]}} ]
            """;
        var t = Hub().Firewall("fw", "hub", "10.0.1.4", classicNetworkCollections: classic).Load();
        Assert.Equal(AccessVerdict.Allowed, Trace(t, "nic-a", "nic-b", Https).Access!.Verdict);
        var back = Trace(t, "nic-b", "nic-a", Https);
        Assert.Equal(AccessVerdict.Denied, back.Access!.Verdict);
        Assert.Equal("deny-web/d", back.Access.DecidingRule!.Name);
        Assert.Equal(200, back.Access.DecidingRule.Priority);
    }

    [Fact]
    public void AFlowNoFirewallRuleAllowsIsDeniedByDefault()
    {
        var t = Hub().Firewall("fw", "hub", "10.0.1.4", "pol").Policy("pol", "[" + Collection("web", 100, "Allow", NetRule("http", "80")) + "]").Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Denied, r.Access!.Verdict);
        Assert.True(r.Access.DecidingRule!.IsDefault);
        Assert.Contains(r.Reasons, x => x.Fix != null && x.Fix.Contains("firewall policy pol"));
    }

    [Fact]
    public void DnatRulesAreNotEvaluatedForTrafficBetweenPrivateAddresses()
    {
        var dnat = """{"ruleCollectionType":"FirewallPolicyNatRuleCollection","name":"in","priority":100,"action":{"type":"Dnat"},"rules":[{"ruleType":"NatRule","name":"web","ipProtocols":["TCP"],"sourceAddresses":["*"],"destinationAddresses":["*"],"destinationPorts":["443"],"translatedAddress":"10.2.0.4","translatedPort":"443"}]}""";
        var t = Hub().Firewall("fw", "hub", "10.0.1.4", "pol").Policy("pol", "[" + dnat + "]").Load();
        Assert.Equal(AccessVerdict.Denied, Trace(t, "nic-a", "nic-b", Https).Access!.Verdict);
    }

    [Fact]
    public void ANetworkRuleByDomainNameIsUnknown()
    {
        var t = Hub().Firewall("fw", "hub", "10.0.1.4", "pol")
            .Policy("pol", "[" + Collection("byname", 100, "Allow", NetRule("db", "443", "\"destinationFqdns\":[\"db.contoso.internal\"]")) + "]").Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Unknown, r.Access!.Verdict);
        Assert.Contains(r.Reasons, x => x.Message.Contains("db.contoso.internal"));
    }

    [Fact]
    public void AMissingPolicyOrIpGroupMakesTheFirewallUnknown()
    {
        var noPolicy = Hub().Firewall("fw", "hub", "10.0.1.4", "gone").Load();
        Assert.Equal(AccessVerdict.Unknown, Trace(noPolicy, "nic-a", "nic-b", Https).Access!.Verdict);
        var noGroup = Hub().Firewall("fw", "hub", "10.0.1.4", "pol")
            .Policy("pol", "[" + Collection("g", 100, "Allow", NetRule("x", "443", $"\"destinationIpGroups\":[\"{SecureEstate.Id("ipGroups", "missing")}\"]")) + "]").Load();
        var r = Trace(noGroup, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Unknown, r.Access!.Verdict);
        Assert.Contains(r.Reasons, x => x.Message.Contains("IP group"));
    }

    [Fact]
    public void ANetworkVirtualApplianceIsUnknownUnlessAVerdictIsAssumedAndItsNsgsSeeTheForwardedFlow()
    {
        var estate = Hub().Nic("nva", "hub", "nva", "10.0.1.4", forwarding: true);
        var t = estate.Nsg("nsg-nva").Load();
        var unknown = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Unknown, unknown.Access!.Verdict);
        Assert.Contains(unknown.Reasons, x => x.Message.Contains("not visible"));
        Assert.Equal(AccessVerdict.Allowed, Trace(t, "nic-a", "nic-b", Https, options: new SecurityOptions { AssumeAppliances = AccessVerdict.Allowed }).Access!.Verdict);
        var denied = Trace(t, "nic-a", "nic-b", Https, options: new SecurityOptions { AssumeAppliances = AccessVerdict.Denied }).Access!;
        Assert.Equal(AccessVerdict.Denied, denied.Verdict);
        Assert.Equal(SecurityCheckKind.Appliance, denied.DecidingRule!.Kind);
        // The NVA subnet's NSG filters the forwarded packet (its source and destination are the spokes').
        var filtered = Hub().Nic("nva", "hub", "nva", "10.0.1.4", forwarding: true).Nsg("nsg-nva", "no-https 100 Inbound Deny Tcp 443 10.1.0.0/16 *").Load();
        var r = Trace(filtered, "nic-a", "nic-b", Https, options: new SecurityOptions { AssumeAppliances = AccessVerdict.Allowed });
        Assert.Equal(AccessVerdict.Denied, r.Access!.Verdict);
        Assert.Equal("no-https", r.Access.DecidingRule!.Name);
    }

    // ---- Flows

    [Fact]
    public void AnyProtocolIsAllowedOnlyWhenTcpUdpAndIcmpAre()
    {
        var t = Peered(nicNsg: null).Nsg("nsg-subnet", "allow-tcp 100 Inbound Allow Tcp 443 * *", "deny-rest 200 Inbound Deny * * * *").Load();
        Assert.Equal(AccessVerdict.Allowed, Trace(t, "nic-a", "nic-b", Https).Access!.Verdict);
        var any = Trace(t, "nic-a", "nic-b", new Flow(FlowProtocol.Any, 443)).Access!;
        Assert.Equal(AccessVerdict.Denied, any.Verdict);
        Assert.Equal("deny-rest", any.DecidingRule!.Name);
    }

    [Fact]
    public void IcmpDoesNotMatchARuleThatNamesPorts()
    {
        var t = Peered(nicNsg: null).Nsg("nsg-subnet", "allow-443 100 Inbound Allow * 443 * *", "deny-rest 200 Inbound Deny * * * *").Load();
        var r = Trace(t, "nic-a", "nic-b", new Flow(FlowProtocol.Icmp, null));
        Assert.Equal(AccessVerdict.Denied, r.Access!.Verdict);
        Assert.Equal("deny-rest", r.Access.DecidingRule!.Name);
    }

    [Fact]
    public void ARuleOnSourcePortsIsUnknownWithoutASourcePort()
    {
        var t = Peered(nicNsg: null).Nsg("nsg-subnet", "deny-low 100 Inbound Deny Tcp 443 * * 1000-2000").Load();
        Assert.Equal(AccessVerdict.Unknown, Trace(t, "nic-a", "nic-b", Https).Access!.Verdict);
        Assert.Equal(AccessVerdict.Denied, Trace(t, "nic-a", "nic-b", new Flow(FlowProtocol.Tcp, 443, 1500)).Access!.Verdict);
        Assert.Equal(AccessVerdict.Allowed, Trace(t, "nic-a", "nic-b", new Flow(FlowProtocol.Tcp, 443, 40000)).Access!.Verdict);
    }

    [Theory]
    [InlineData("443/tcp", FlowProtocol.Tcp, 443)]
    [InlineData("53/UDP", FlowProtocol.Udp, 53)]
    [InlineData("icmp", FlowProtocol.Icmp, null)]
    [InlineData("8080/any", FlowProtocol.Any, 8080)]
    public void FlowsAreWrittenPortSlashProtocol(string text, FlowProtocol protocol, int? port)
    {
        var f = Flow.Parse(text);
        Assert.Equal((protocol, port), (f.Protocol, f.DestinationPort));
    }

    [Theory]
    [InlineData("443")]
    [InlineData("tcp/443")]
    [InlineData("70000/tcp")]
    [InlineData("22/icmp")]
    [InlineData("80/sctp")]
    public void AFlowThatIsNotPortSlashProtocolIsAnInputError(string text) =>
        Assert.Throws<EngineInputException>(() => Flow.Parse(text));

    // ---- Tags and private endpoints

    [Fact]
    public void TheVirtualNetworkTagHoldsUserRoutePrefixesAndADefaultRouteOnlyByAssumption()
    {
        // Both spokes reach each other only through the hub firewall; the 10.0.0.0/8 route puts the other spoke in the tag.
        var policy = "[" + Collection("all", 100, "Allow", NetRule("any", "443")) + "]";
        var t = Hub().Firewall("fw", "hub", "10.0.1.4", "pol").Policy("pol", policy).Load();
        var r = Trace(t, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Allowed, r.Access!.Verdict);
        Assert.DoesNotContain(r.Access.Notes, n => n.Contains("default routes"));
        // With only a default route to the firewall, AllowVnetInBound admits the other spoke because the tag is taken to hold 0.0.0.0/0.
        var onlyDefault = new SecureEstate()
            .Vnet("hub", "10.0.0.0/16", ("AzureFirewallSubnet", "10.0.1.0/26", null, null))
            .Vnet("a", "10.1.0.0/16", ("w", "10.1.0.0/24", "rt", null))
            .Vnet("b", "10.2.0.0/16", ("w", "10.2.0.0/24", "rt", "nsg-b"))
            .Peer("hub", "a").Peer("hub", "b")
            .RouteTable("rt", ("0.0.0.0/0", "10.0.1.4"))
            .Nic("nic-a", "a", "w", "10.1.0.4").Nic("nic-b", "b", "w", "10.2.0.4")
            .Nsg("nsg-b").Firewall("fw", "hub", "10.0.1.4", "pol").Policy("pol", policy).Load();
        var assumed = Trace(onlyDefault, "nic-a", "nic-b", Https);
        Assert.Equal(AccessVerdict.Allowed, assumed.Access!.Verdict);
        Assert.Contains(assumed.Access.Notes, n => n.Contains("might also contain default routes"));
    }

    [Fact]
    public void ASubnetNsgFiltersAPrivateEndpointOnlyWithNetworkPoliciesEnabled()
    {
        string Vnet(string policies) =>
            "{\"id\":\"" + SecureEstate.Id("virtualNetworks", "b") + "\",\"name\":\"b\",\"type\":\"Microsoft.Network/virtualNetworks\",\"location\":\"westeurope\"," +
            "\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"10.2.0.0/16\"]},\"subnets\":[{\"name\":\"pe\",\"id\":\"" + SecureEstate.SubnetId("b", "pe") + "\"," +
            "\"properties\":{\"addressPrefix\":\"10.2.1.0/24\",\"privateEndpointNetworkPolicies\":\"" + policies + "\",\"networkSecurityGroup\":{\"id\":\"" + SecureEstate.Id("networkSecurityGroups", "nsg-pe") + "\"}}}]," +
            "\"virtualNetworkPeerings\":[" + Peering("b", "a", "10.1.0.0/16") + "]}}";
        string Peering(string local, string remote, string prefix) =>
            "{\"name\":\"" + local + "-to-" + remote + "\",\"id\":\"" + SecureEstate.Id("virtualNetworks", local) + "/virtualNetworkPeerings/" + local + "-to-" + remote + "\"," +
            "\"type\":\"Microsoft.Network/virtualNetworks/virtualNetworkPeerings\",\"properties\":{\"peeringState\":\"Connected\",\"allowVirtualNetworkAccess\":true," +
            "\"remoteVirtualNetwork\":{\"id\":\"" + SecureEstate.Id("virtualNetworks", remote) + "\"},\"remoteAddressSpace\":{\"addressPrefixes\":[\"" + prefix + "\"]}}}";
        Topology Build(string policies) => new SecureEstate()
            .Vnet("a", "10.1.0.0/16", ("w", "10.1.0.0/24", null, null))
            .Raw(Vnet(policies))
            .Raw(Peering("a", "b", "10.2.0.0/16"))
            .Nic("nic-a", "a", "w", "10.1.0.4")
            .Nic("pe-nic", "b", "pe", "10.2.1.4", privateEndpoint: "pe1")
            .Nsg("nsg-pe", "deny-https 100 Inbound Deny Tcp 443 * *").Load();
        var off = Trace(Build("Disabled"), "nic-a", "pe-nic", Https);
        Assert.Equal(AccessVerdict.Allowed, off.Access!.Verdict);
        Assert.Contains(off.Access.Checks, c => c.Reason.Contains("privateEndpointNetworkPolicies"));
        Assert.Equal(AccessVerdict.Denied, Trace(Build("Enabled"), "nic-a", "pe-nic", Https).Access!.Verdict);
    }

    [Fact]
    public void WithoutAFlowAccessIsNotEvaluated()
    {
        var t = Peered().Nsg("nsg-subnet").Nsg("nsg-nic").Load();
        var r = new PathAnalyzer(t).Trace("nic-a", "nic-b");
        Assert.Null(r.Access);
        var json = AzSpokeTools.Engine.Reports.ReportJson.ToText(w => AzSpokeTools.Engine.Reports.PathJsonWriter.Write(w, r));
        Assert.DoesNotContain("\"access\"", json);
        Assert.DoesNotContain("\"decidingRule\"", json);
    }
}
