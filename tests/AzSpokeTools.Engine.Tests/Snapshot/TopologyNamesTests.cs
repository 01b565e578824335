using AzSpokeTools.Engine.Model;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Snapshot;

public class TopologyNamesTests
{
    private const string Rg1 = "/subscriptions/s/resourceGroups/rg1/providers/Microsoft.Network";
    private const string Rg2 = "/subscriptions/s/resourceGroups/rg2/providers/Microsoft.Network";

    // Two VNets named "shared" in different resource groups; "spoke1" is unique.
    private static readonly Topology T = Snap.Json($$"""
        [ { "id": "{{Rg1}}/virtualNetworks/spoke1", "name": "spoke1", "properties": { "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
            "subnets": [ { "name": "app", "properties": { "addressPrefix": "10.1.1.0/24" } }, { "name": "data", "properties": { "addressPrefix": "10.1.2.0/24" } } ] } },
          { "id": "{{Rg1}}/virtualNetworks/shared", "name": "shared", "properties": { "addressSpace": { "addressPrefixes": [ "10.2.0.0/16" ] },
            "subnets": [ { "name": "app", "properties": { "addressPrefix": "10.2.1.0/24" } }, { "name": "only-here", "properties": { "addressPrefix": "10.2.2.0/24" } } ] } },
          { "id": "{{Rg2}}/virtualNetworks/shared", "name": "shared", "properties": { "addressSpace": { "addressPrefixes": [ "10.3.0.0/16" ] },
            "subnets": [ { "name": "app", "properties": { "addressPrefix": "10.3.1.0/24" } } ] } },
          { "id": "{{Rg1}}/networkInterfaces/vm1-nic", "name": "vm1-nic", "properties": { "ipConfigurations": [ { "name": "c", "properties": { "privateIPAddress": "10.1.1.4", "subnet": { "id": "{{Rg1}}/virtualNetworks/spoke1/subnets/app" } } } ] } },
          { "id": "{{Rg1}}/networkInterfaces/nva-nic", "name": "nva-nic", "properties": { "ipConfigurations": [ { "name": "c", "properties": { "privateIPAddress": "10.2.1.4", "subnet": { "id": "{{Rg1}}/virtualNetworks/shared/subnets/app" } } } ] } },
          { "id": "{{Rg2}}/networkInterfaces/nva-nic", "name": "nva-nic", "properties": { "ipConfigurations": [ { "name": "c", "properties": { "privateIPAddress": "10.3.1.4", "subnet": { "id": "{{Rg2}}/virtualNetworks/shared/subnets/app" } } } ] } } ]
        """);

    [Theory]
    [InlineData("spoke1")]
    [InlineData("SPOKE1")]
    [InlineData(" spoke1 ")]
    [InlineData(Rg1 + "/virtualNetworks/spoke1")]
    [InlineData("subscriptions/S/resourcegroups/RG1/providers/microsoft.network/virtualnetworks/SPOKE1")]
    public void VnetResolvesByNameOrIdInAnyCase(string text)
    {
        Assert.Equal("10.1.0.0/16", T.ResolveVirtualNetwork(text).AddressSpace[0].ToString());
    }

    [Fact]
    public void AmbiguousVnetNameListsEveryCandidateId()
    {
        var ex = Assert.Throws<AmbiguousNameException>(() => T.ResolveVirtualNetwork("Shared"));
        Assert.Equal(new[] { Rg1 + "/virtualNetworks/shared", Rg2 + "/virtualNetworks/shared" }, ex.Candidates.Select(c => c.Value));
        Assert.Contains(Rg1 + "/virtualNetworks/shared", ex.Message);
        Assert.Contains(Rg2 + "/virtualNetworks/shared", ex.Message);
        Assert.Equal("virtual network", ex.Kind);
        // The id picks one.
        Assert.Equal("10.3.0.0/16", T.ResolveVirtualNetwork(Rg2 + "/virtualNetworks/shared").AddressSpace[0].ToString());
    }

    [Fact]
    public void UnknownVnetNameIsNotFoundWithSuggestions()
    {
        var ex = Assert.Throws<ResourceNotFoundException>(() => T.ResolveVirtualNetwork("spoke"));
        Assert.IsAssignableFrom<KeyNotFoundException>(ex);
        Assert.Contains("'spoke'", ex.Message);
        Assert.Contains("spoke1", ex.Message);
        Assert.Throws<ResourceNotFoundException>(() => T.ResolveVirtualNetwork(Rg1 + "/virtualNetworks/nope"));
        // A subnet id is not a virtual network.
        Assert.Throws<ResourceNotFoundException>(() => T.ResolveVirtualNetwork(Rg1 + "/virtualNetworks/spoke1/subnets/app"));
    }

    [Theory]
    [InlineData("spoke1/data")]
    [InlineData("Spoke1/DATA")]
    [InlineData(Rg1 + "/virtualNetworks/spoke1/subnets/data")]
    public void SubnetResolvesByVnetSlashSubnetOrId(string text)
    {
        var s = T.ResolveSubnet(text);
        Assert.Equal("data", s.Name);
        Assert.Equal("spoke1", s.VirtualNetwork.Name);
    }

    [Fact]
    public void SubnetIsUniqueWhenOnlyOneSameNamedVnetHasIt()
    {
        Assert.Equal("10.2.2.0/24", T.ResolveSubnet("shared/only-here").AddressPrefixes[0].ToString());
    }

    [Fact]
    public void AmbiguousSubnetListsEveryCandidateId()
    {
        var ex = Assert.Throws<AmbiguousNameException>(() => T.ResolveSubnet("shared/app"));
        Assert.Equal(new[] { Rg1 + "/virtualNetworks/shared/subnets/app", Rg2 + "/virtualNetworks/shared/subnets/app" }, ex.Candidates.Select(c => c.Value));
    }

    [Fact]
    public void MissingSubnetSaysWhatTheVnetHas()
    {
        var ex = Assert.Throws<ResourceNotFoundException>(() => T.ResolveSubnet("spoke1/web"));
        Assert.Contains("app, data", ex.Message);
        var noVnet = Assert.Throws<ResourceNotFoundException>(() => T.ResolveSubnet("spoke9/app"));
        Assert.Contains("no virtual network named 'spoke9'", noVnet.Message);
        var badForm = Assert.Throws<ResourceNotFoundException>(() => T.ResolveSubnet("app"));
        Assert.Contains("VNET/SUBNET", badForm.Message);
    }

    [Fact]
    public void NicResolvesByNameOrIdAndAmbiguityListsIds()
    {
        Assert.Equal("10.1.1.4", T.ResolveNetworkInterface("VM1-NIC").IpConfigurations[0].PrivateIpAddress.ToString());
        Assert.Equal("10.3.1.4", T.ResolveNetworkInterface(Rg2 + "/networkInterfaces/nva-nic").IpConfigurations[0].PrivateIpAddress.ToString());
        var ex = Assert.Throws<AmbiguousNameException>(() => T.ResolveNetworkInterface("nva-nic"));
        Assert.Equal(2, ex.Candidates.Count);
        Assert.Throws<ResourceNotFoundException>(() => T.ResolveNetworkInterface("vm2-nic"));
    }

    [Fact]
    public void EmptyNameIsAnArgumentError()
    {
        Assert.Throws<ArgumentException>(() => T.ResolveVirtualNetwork(" "));
    }
}
