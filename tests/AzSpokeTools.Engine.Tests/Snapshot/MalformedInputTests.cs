using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Snapshot;
using Xunit;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Tests.Snapshot;

/// <summary>Bad input: a clear error or warning naming the file and JSON path; never a crash, never a silent loss.</summary>
public class MalformedInputTests
{
    private const string VnetId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke";

    /// <summary>A VNet resource whose properties are given as raw JSON.</summary>
    private static string Vnet(string properties, string id = VnetId, string name = "spoke") =>
        $$"""{ "id": "{{id}}", "type": "Microsoft.Network/virtualNetworks", "name": "{{name}}", "location": "westus", "properties": {{properties}} }""";

    private static string RouteTable(string routes, string name = "rt") =>
        $$"""{ "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/{{name}}", "type": "Microsoft.Network/routeTables", "name": "{{name}}", "properties": { "routes": {{routes}} } }""";

    private static LoadDiagnostic OnlyError(SnapshotLoadException ex, string file = "inline.json")
    {
        var e = Assert.Single(ex.Errors);
        Assert.Equal(DiagnosticSeverity.Error, e.Severity);
        Assert.Equal(file, e.Location.File);
        Assert.Contains(file, ex.Message);
        Assert.Contains(e.Location.JsonPath, ex.Message);
        return e;
    }

    [Fact]
    public void TruncatedJsonNamesFileLineAndPosition()
    {
        var path = Snap.Files(("cut.json", "{ \"schemaVersion\": 1, \"resources\": [ { \"id\": \"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/a\",\n  \"name\": \"a\", \"properties\": { \"addressSpace\": "))[0];
        var ex = Assert.Throws<SnapshotLoadException>(() => SnapshotLoader.Load(path));
        var e = Assert.Single(ex.Errors);
        Assert.Equal(path, e.Location.File);
        Assert.Contains("not valid JSON", e.Message);
        Assert.Contains("line 2", e.Message);
        Assert.Contains("position", e.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void EmptyFileIsAnError()
    {
        var ex = Snap.Fails("   ");
        Assert.Contains("not valid JSON", OnlyError(ex).Message);
    }

    [Fact]
    public void ScalarDocumentIsAnError()
    {
        Assert.Contains("object or array", OnlyError(Snap.Fails("42")).Message);
    }

    [Fact]
    public void AddressPrefixesThatAreANumberAreAnErrorAtTheirPath()
    {
        var ex = Snap.Fails(Snap.Envelope("[" + Vnet("""{ "addressSpace": { "addressPrefixes": 10 } }""") + "]"));
        var e = OnlyError(ex);
        Assert.Equal("$.resources[0].properties.addressSpace.addressPrefixes", e.Location.JsonPath);
        Assert.Contains("a number", e.Message);
    }

    [Fact]
    public void AddressPrefixItemThatIsNotAStringIsAnError()
    {
        var e = OnlyError(Snap.Fails("[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16", { "cidr": "10.1.0.0/16" } ] } }""") + "]"));
        Assert.Equal("$[0].properties.addressSpace.addressPrefixes[1]", e.Location.JsonPath);
    }

    [Fact]
    public void BooleanThatIsNeitherTrueNorFalseIsAnError()
    {
        var e = OnlyError(Snap.Fails("[" + Vnet("""
            { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] },
              "virtualNetworkPeerings": [ { "name": "p", "properties": { "remoteVirtualNetwork": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub" },
                "remoteAddressSpace": { "addressPrefixes": [ "10.9.0.0/16" ] }, "allowForwardedTraffic": "maybe" } } ] }
            """) + "]"));
        Assert.Equal("$[0].properties.virtualNetworkPeerings[0].properties.allowForwardedTraffic", e.Location.JsonPath);
        Assert.Contains("'maybe'", e.Message);
    }

    [Fact]
    public void SubnetsOfTheWrongShapeAreAnError()
    {
        var asNumber = OnlyError(Snap.Fails("[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": 3 }""") + "]"));
        Assert.Equal("$[0].properties.subnets", asNumber.Location.JsonPath);
        var itemsAsStrings = OnlyError(Snap.Fails("[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [ "10.0.1.0/24" ] }""") + "]"));
        Assert.Equal("$[0].properties.subnets[0]", itemsAsStrings.Location.JsonPath);
        Assert.Contains("subnet", itemsAsStrings.Message);
        var objectWithoutName = OnlyError(Snap.Fails("[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": { "prefix": "10.0.1.0/24" } }""") + "]"));
        Assert.Equal("$[0].properties.subnets", objectWithoutName.Location.JsonPath);
        Assert.Contains("neither id nor name", objectWithoutName.Message);
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("banana")]
    [InlineData("10.0.0/16")]
    [InlineData("300.0.0.0/8")]
    [InlineData("10.0.0.0/")]
    public void InvalidCidrIsAnErrorAtItsPath(string cidr)
    {
        var e = OnlyError(Snap.Fails("[" + Vnet($$"""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [ { "name": "a", "properties": { "addressPrefix": "{{cidr}}" } } ] }""") + "]"));
        Assert.Equal("$[0].properties.subnets[0].properties.addressPrefix", e.Location.JsonPath);
        Assert.Contains(cidr, e.Message);
    }

    [Fact]
    public void CidrWithHostBitsIsAnErrorGivingTheNetworkForm()
    {
        var e = OnlyError(Snap.Fails("[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.1.2.3/16" ] } }""") + "]"));
        Assert.Equal("$[0].properties.addressSpace.addressPrefixes[0]", e.Location.JsonPath);
        Assert.Contains("host bits", e.Message);
        Assert.Contains("10.1.0.0/16", e.Message);
    }

    [Fact]
    public void UdrPrefixWithHostBitsIsAnError()
    {
        var e = OnlyError(Snap.Fails("[" + RouteTable("""[ { "name": "r", "properties": { "addressPrefix": "10.0.0.5/8", "nextHopType": "Internet" } } ]""") + "]"));
        Assert.Equal("$[0].properties.routes[0]", e.Location.JsonPath);
        Assert.Contains("10.0.0.0/8", e.Message);
    }

    [Fact]
    public void UdrWithAServiceTagPrefixIsAccepted()
    {
        var t = Snap.Json("[" + RouteTable("""[ { "name": "r", "properties": { "addressPrefix": "Storage.WestUS", "nextHopType": "Internet" } } ]""") + "]");
        Assert.Equal("Storage.WestUS", Assert.Single(Assert.Single(t.RouteTables).Routes).AddressPrefix);
    }

    [Fact]
    public void UnknownNextHopTypeIsAnErrorAtTheRoute()
    {
        var e = OnlyError(Snap.Fails("[" + RouteTable("""[ { "name": "ok", "properties": { "addressPrefix": "0.0.0.0/0", "nextHopType": "Internet" } }, { "name": "bad", "properties": { "addressPrefix": "10.0.0.0/8", "nextHopType": "Firewall" } } ]""") + "]"));
        Assert.Equal("$[0].properties.routes[1]", e.Location.JsonPath);
        Assert.Contains("'Firewall'", e.Message);
    }

    [Theory]
    [InlineData("VNetPeering")]
    [InlineData("VnetPeering")]
    [InlineData("VirtualNetworkServiceEndpoint")]
    [InlineData("ConnectedGroup")]
    public void NextHopTypeNotAllowedInAUdrIsAnError(string hop)
    {
        var e = OnlyError(Snap.Fails("[" + RouteTable($$"""[ { "name": "r", "properties": { "addressPrefix": "10.0.0.0/8", "nextHopType": "{{hop}}" } } ]""") + "]"));
        Assert.Contains("not allowed in a user-defined route", e.Message);
    }

    [Fact]
    public void NextHopTypesMatchCaseInsensitivelyWithAliases()
    {
        var t = Snap.Json("[" + RouteTable("""
            [ { "name": "a", "properties": { "addressPrefix": "10.1.0.0/16", "nextHopType": "virtualappliance", "nextHopIpAddress": "10.0.1.4" } },
              { "name": "b", "properties": { "addressPrefix": "10.2.0.0/16", "nextHopType": "VNetLocal" } },
              { "name": "c", "properties": { "addressPrefix": "10.3.0.0/16", "nextHopType": "Virtual network gateway" } } ]
            """) + "]");
        Assert.Equal(new[] { NextHopType.VirtualAppliance, NextHopType.VnetLocal, NextHopType.VirtualNetworkGateway },
            Assert.Single(t.RouteTables).Routes.Select(r => r.NextHopType));
    }

    [Fact]
    public void AllErrorsAreReportedTogetherAndNothingIsReturned()
    {
        var ex = Snap.Fails(Snap.Envelope("[" +
            Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.0.0.1/16" ] } }""") + "," +
            RouteTable("""[ { "name": "r", "properties": { "addressPrefix": "10.0.0.0/8", "nextHopType": "Nope" } } ]""") + "]"));
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("2 error(s)", ex.Message);
    }

    [Fact]
    public void MissingRouteTableIsAWarningAndTheSubnetKeepsItsReference()
    {
        const string rt = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/missing";
        var t = Snap.Json("[" + Vnet($$"""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [ { "name": "app", "properties": { "addressPrefix": "10.0.1.0/24", "routeTable": { "id": "{{rt}}" } } } ] }""") + "]");
        var s = Assert.Single(Assert.Single(t.VirtualNetworks).Subnets);
        Assert.Equal(Snap.Id(rt), s.RouteTableId);
        var w = Assert.Single(t.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, w.Severity);
        Assert.Equal("inline.json", w.Location.File);
        Assert.Equal("$[0].properties.subnets[0]", w.Location.JsonPath);
        Assert.Contains("routeTables/missing", w.Message);
        Assert.Contains("unknown", w.Message);
    }

    [Fact]
    public void MissingRemoteVnetIsAWarningAndThePeeringIsKept()
    {
        var t = Snap.Json("[" + Vnet("""
            { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] },
              "virtualNetworkPeerings": [ { "name": "to-hub", "properties": { "peeringState": "Connected",
                "remoteVirtualNetwork": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub" } } } ] }
            """) + "]");
        var p = Assert.Single(Assert.Single(t.VirtualNetworks).Peerings);
        Assert.Equal("hub", p.RemoteVirtualNetworkId!.Value.Name);
        Assert.All(t.Diagnostics, d => Assert.Equal("$[0].properties.virtualNetworkPeerings[0]", d.Location.JsonPath));
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("not in the snapshot"));
        // No remote address space and no remote VNet: the peering's routes are unknown, and that is said.
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("routes are unknown"));
    }

    [Fact]
    public void MissingGatewaySubnetIsAWarningAndTheGatewayIsKept()
    {
        var t = Snap.Json("""
            [ { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw", "name": "gw",
                "properties": { "gatewayType": "Vpn", "ipConfigurations": [ { "name": "c", "properties": { "subnet": { "id": "subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/GatewaySubnet" } } } ] } } ]
            """);
        var g = Assert.Single(t.VirtualNetworkGateways);
        Assert.Equal("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub", g.VirtualNetworkId!.Value.Value);
        var w = Assert.Single(t.Diagnostics);
        Assert.Equal("$[0]", w.Location.JsonPath);
        Assert.Contains("GatewaySubnet", w.Message);
    }

    [Fact]
    public void MissingGroupMemberIsAWarningAndTheMemberIsKept()
    {
        const string nm = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkManagers/nm";
        var t = Snap.Json($$"""
            [ { "id": "{{nm}}", "name": "nm", "properties": { } },
              { "id": "{{nm}}/networkGroups/g", "name": "g", "properties": { "memberType": "VirtualNetwork" } },
              { "id": "{{nm}}/networkGroups/g/staticMembers/m", "name": "m", "properties": { "resourceId": "{{VnetId}}" } } ]
            """);
        var g = Assert.Single(t.NetworkGroups);
        Assert.Equal(Snap.Id(VnetId), Assert.Single(g.StaticMemberIds));
        var w = Assert.Single(t.Diagnostics);
        Assert.Equal("$[1]", w.Location.JsonPath);
        Assert.Contains("virtualNetworks/spoke", w.Message);
    }

    [Fact]
    public void ReferenceThatIsNotAnIdIsAnError()
    {
        var e = OnlyError(Snap.Fails("[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [ { "name": "a", "properties": { "addressPrefix": "10.0.1.0/24", "routeTable": 7 } } ] }""") + "]"));
        Assert.Equal("$[0].properties.subnets[0].properties.routeTable", e.Location.JsonPath);
    }

    [Fact]
    public void DuplicateIdAcrossFilesKeepsTheFirstAndWarns()
    {
        var files = Snap.Files(
            ("a.json", "[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] } }""") + "]"),
            ("b.json", "[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.99.0.0/16" ] } }""", VnetId.ToUpperInvariant()) + "]"));
        var t = SnapshotLoader.Load(files);
        var v = Assert.Single(t.VirtualNetworks);
        Assert.Equal("10.0.0.0/16", v.AddressSpace[0].ToString());
        var w = Assert.Single(t.Diagnostics);
        Assert.Equal(files[1], w.Location.File);
        Assert.Equal("$[0]", w.Location.JsonPath);
        Assert.Contains("more than once", w.Message);
    }

    [Fact]
    public void UnknownResourceTypesAreCountedNotErrors()
    {
        var t = Snap.Json(Snap.Envelope("""
            [ { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1", "type": "Microsoft.Compute/virtualMachines", "name": "vm1" },
              { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm2", "type": "microsoft.compute/virtualmachines", "name": "vm2" },
              { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/natGateways/nat", "name": "nat" } ]
            """));
        Assert.Equal(2, t.UnknownTypes["Microsoft.Compute/virtualMachines"]);
        Assert.Equal(1, t.UnknownTypes["microsoft.network/natgateways"]);
        Assert.Empty(t.Diagnostics);
        Assert.Empty(t.AllResources());
    }

    [Fact]
    public void NewerSchemaVersionIsAnError()
    {
        var e = OnlyError(Snap.Fails("""{ "schemaVersion": 2, "resources": [] }"""));
        Assert.Equal("$.schemaVersion", e.Location.JsonPath);
        Assert.Contains("newer", e.Message);
    }

    [Fact]
    public void ResourcesThatAreNotAnArrayAreAnError()
    {
        var e = OnlyError(Snap.Fails("""{ "schemaVersion": 1, "resources": { } }"""));
        Assert.Equal("$.resources", e.Location.JsonPath);
    }

    [Fact]
    public void ResultWithoutScopeIsAnError()
    {
        var e = OnlyError(Snap.Fails(Snap.Envelope("[]", """[ { "operation": "effectiveRouteTable", "body": { "value": [] } } ]""")));
        Assert.Equal("$.results[0]", e.Location.JsonPath);
        Assert.Contains("scope", e.Message);
    }

    [Fact]
    public void DirectoryLoadsEveryJsonFileAndNothingElse()
    {
        var files = Snap.Files(
            ("1-vnet.json", "[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] } }""") + "]"),
            ("2-rt.json", "[" + RouteTable("[]") + "]"),
            ("notes.txt", "not json"));
        var dir = Path.GetDirectoryName(files[0])!;
        var t = SnapshotLoader.Load(dir);
        Assert.Single(t.VirtualNetworks);
        Assert.Single(t.RouteTables);
        Assert.Equal(new[] { files[0], files[1] }, t.Files);
    }

    [Fact]
    public void EmptyDirectoryIsAnError()
    {
        var dir = Path.GetDirectoryName(Snap.Files(("x.txt", ""))[0])!;
        var e = Assert.Single(Assert.Throws<SnapshotLoadException>(() => SnapshotLoader.Load(dir)).Errors);
        Assert.Equal(dir, e.Location.File);
    }

    [Fact]
    public void MissingFileIsAnErrorNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "azspoke-tests", "no-such-snapshot.json");
        var ex = Assert.Throws<SnapshotLoadException>(() => SnapshotLoader.Load(path));
        Assert.Equal(path, Assert.Single(ex.Errors).Location.File);
        Assert.Contains("no-such-snapshot.json", ex.Message);
        Assert.Contains("not found", ex.Message);
    }

    [Fact]
    public void ObjectWithoutIdInAResourceListIsAWarning()
    {
        var t = Snap.Json("""[ { "name": "x" } ]""");
        Assert.Equal("$[0]", Assert.Single(t.Diagnostics).Location.JsonPath);
    }

    [Fact]
    public void ResourceGraphResponseRowsAreResources()
    {
        var t = Snap.Json("""
            { "totalRecords": 1, "count": 1, "resultTruncated": "false",
              "data": [ { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke", "name": "spoke",
                          "type": "microsoft.network/virtualnetworks", "tenantId": "t", "kind": "", "location": "westus", "resourceGroup": "rg",
                          "subscriptionId": "s", "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] } } } ] }
            """);
        Assert.Equal("spoke", Assert.Single(t.VirtualNetworks).Name);
    }

    [Fact]
    public void ResourceGraphTableFormatIsAnError()
    {
        var e = OnlyError(Snap.Fails("""{ "totalRecords": 1, "count": 1, "data": { "columns": [ { "name": "id" } ], "rows": [ [ "x" ] ] } }"""));
        Assert.Contains("objectArray", e.Message);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void FilesWithByteOrderMarksLoad(string encoding)
    {
        // Windows PowerShell writes UTF-8 with a BOM (Out-File -Encoding UTF8) or UTF-16 LE ('>').
        var json = "[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] } }""", name: "spökè") + "]";
        var enc = encoding switch
        {
            "utf-8-bom" => (System.Text.Encoding)new System.Text.UTF8Encoding(true),
            "utf-16le" => new System.Text.UnicodeEncoding(false, true),
            _ => new System.Text.UnicodeEncoding(true, true),
        };
        var path = Snap.Files(("vnets.json", ""))[0];
        File.WriteAllText(path, json, enc);
        var t = SnapshotLoader.Load(path);
        Assert.Equal("spökè", Assert.Single(t.VirtualNetworks).Name);
    }

    [Fact]
    public void EveryBadPathIsReportedTogether()
    {
        var good = Snap.Files(("ok.json", "[" + Vnet("""{ "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] } }""") + "]"))[0];
        var missing = Path.Combine(Path.GetDirectoryName(good)!, "missing.json");
        var bad = Snap.Files(("bad.json", "{"))[0];
        var ex = Assert.Throws<SnapshotLoadException>(() => SnapshotLoader.Load(new[] { good, missing, bad }));
        Assert.Equal(new[] { missing, bad }, ex.Errors.Select(e => e.Location.File));
    }

    [Fact]
    public void CoverageGapsAreRead()
    {
        var t = Snap.Json("""
            { "schemaVersion": 1, "resources": [],
              "coverage": { "denied": [ { "scope": "/subscriptions/other", "type": "Microsoft.Network/routeTables", "status": 403, "message": "AuthorizationFailed" } ] } }
            """);
        var gap = Assert.Single(t.Coverage.Denied);
        Assert.False(t.Coverage.IsComplete);
        Assert.Equal("/subscriptions/other", gap.Scope);
        Assert.Equal(403, gap.Status);
        Assert.Equal("Microsoft.Network/routeTables in /subscriptions/other (403): AuthorizationFailed", gap.ToString());
    }

    [Fact]
    public void CoverageOfTheWrongShapeIsAnError()
    {
        Assert.Equal("$.coverage", OnlyError(Snap.Fails("""{ "schemaVersion": 1, "resources": [], "coverage": [ "x" ] }""")).Location.JsonPath);
        Assert.Equal("$.coverage.denied[0]", OnlyError(Snap.Fails("""{ "schemaVersion": 1, "resources": [], "coverage": { "denied": [ "sub1" ] } }""")).Location.JsonPath);
    }
}
