using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Samples
{
    /// <summary>
    /// Writes a deterministic synthetic estate snapshot of any size, streamed (no document is built in memory),
    /// mixing the spoke-to-spoke patterns the engine has to tell apart.
    /// </summary>
    /// <remarks>
    /// <para>Address plan (unique, non-overlapping):</para>
    /// <list type="bullet">
    /// <item>Hub h (0-based, at most 16): VNet 10.h.0.0/16 in 10.0.0.0/12; AzureFirewallSubnet 10.h.1.0/26 with the
    /// firewall at 10.h.1.4; GatewaySubnet 10.h.255.0/27 with the ExpressRoute gateway instances at 10.h.255.4/.5 and the
    /// MSEE BGP peers at 10.h.255.12/.13.</item>
    /// <item>Spoke i (0-based, at most 65,536): one aligned block at 10.128.0.0 + i × block size inside 10.128.0.0/9, a /22 up to
    /// 8,192 spokes, a /24 up to 32,768, a /25 beyond (<see cref="SyntheticAddressPlan"/>). Subnets: quarters of the block when
    /// there are at most 4, otherwise sixteenths (at most 16), from the bottom. Private endpoints take consecutive addresses of
    /// the first subnet from .20 (from .4 in subnets smaller than a /26).</item>
    /// <item>On-premises behind the shared ExpressRoute circuit: 172.20.0.0/16.</item>
    /// </list>
    /// <para>Pattern mix (drawn per spoke from the seed): every spoke is peered to hub (i mod H) with gateway transit,
    /// so spokes of different hubs hairpin through the MSEE (all hub gateways share one circuit and allow remote VNet
    /// traffic); about 35% of spokes carry the hub's firewall route table (0.0.0.0/0 and 10.0.0.0/8 to the hub firewall);
    /// about 30% are members of AVNM mesh network groups of at most 250 VNets (one global mesh configuration per group,
    /// deployed in every region); about 4% are peered directly with the next spoke; about 2% hold a private endpoint (or every spoke holds
    /// <see cref="SyntheticEstateOptions.PrivateEndpointsPerSpoke"/> of them).
    /// Spoke tags record the choices: role, hub, inspection (firewall|none) and, for mesh members, meshGroup.</para>
    /// </remarks>
    public static class SyntheticEstate
    {
        /// <summary>Largest AVNM connected group the generator builds (the default limit, docs/routing-model.md#connected-group-limits).</summary>
        public const int MaxMeshGroupSize = ConnectedGroupLimits.VirtualNetworks;

        private const string HubSubscription = "5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a";
        private const string SpokeSubscription = "8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69";
        private const string HubResourceGroup = "rg-connectivity";
        private const string CapturedAt = "2026-11-02T09:00:00Z";
        private const string OnPremPrefix = "172.20.0.0/16";
        private const string NetworkProvider = "/providers/Microsoft.Network/";
        private const int FlushThreshold = 64 * 1024;

        private static readonly string[] Regions =
        {
            "westeurope", "northeurope", "eastus", "westus2", "southeastasia", "australiaeast", "uksouth", "francecentral",
            "germanywestcentral", "swedencentral", "eastus2", "centralus", "japaneast", "koreacentral", "canadacentral", "brazilsouth",
        };

        /// <summary>
        /// Writes the snapshot for <paramref name="options"/> to <paramref name="output"/> and returns its counts.
        /// The same options always produce byte-identical output.
        /// </summary>
        public static SyntheticEstateSummary Write(SyntheticEstateOptions options, Stream output)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (output == null) throw new ArgumentNullException(nameof(output));
            options.Validate();
            var plan = new Plan(options);
            var writerOptions = new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
            using (var w = new Utf8JsonWriter(output, writerOptions))
            {
                var g = new Generator(plan, w);
                g.WriteDocument();
                w.Flush();
                return g.Summary();
            }
        }

        /// <summary>Per-spoke pattern choices, drawn from the seed before anything is written.</summary>
        private sealed class Plan
        {
            public readonly int Spokes, Hubs, Subnets, Seed;
            public readonly bool NetworkSecurityGroups;
            public readonly bool[] Firewall, Mesh, PrivateEndpoint;
            public readonly string?[] Environment;
            public readonly int[] Partner;      // directly peered spoke, or -1
            public readonly int[] MeshGroup;    // mesh group index, or -1
            public readonly List<List<int>> MeshGroups = new List<List<int>>();

            public Plan(SyntheticEstateOptions o)
            {
                Spokes = o.Spokes; Hubs = o.Hubs; Subnets = o.SubnetsPerSpoke; Seed = o.Seed; NetworkSecurityGroups = o.NetworkSecurityGroups;
                Addresses = new SyntheticAddressPlan(Spokes, Subnets);
                PrivateEndpointsPerSpoke = o.PrivateEndpointsPerSpoke;
                Firewall = new bool[Spokes]; Mesh = new bool[Spokes]; PrivateEndpoint = new bool[Spokes];
                Environment = new string?[Spokes];
                var envRng = new SplitMix64(unchecked((ulong)(uint)o.Seed * 0xD1B54A32D192ED03UL + 0xE7E7E7UL));
                Partner = new int[Spokes]; MeshGroup = new int[Spokes];
                var rng = new SplitMix64(unchecked((ulong)(uint)o.Seed * 0x9E3779B97F4A7C15UL + 0x5A17E57A7EUL));
                bool anyPe = false;
                for (int i = 0; i < Spokes; i++)
                {
                    Partner[i] = -1; MeshGroup[i] = -1;
                    Firewall[i] = rng.NextDouble() < 0.35;
                    Mesh[i] = rng.NextDouble() < o.MeshShare;
                    if (o.EnvironmentTags) Environment[i] = envRng.NextDouble() < 0.15 ? "dev" : "prod";
                    PrivateEndpoint[i] = rng.NextDouble() < 0.02;
                    anyPe |= PrivateEndpoint[i];
                }
                if (!anyPe) PrivateEndpoint[Spokes / 2] = true; // "a few private endpoints": at least one
                for (int i = 0; i + 1 < Spokes; i++)
                {
                    bool pair = rng.NextDouble() < 0.04;
                    if (pair && Partner[i] < 0 && Partner[i + 1] < 0) { Partner[i] = i + 1; Partner[i + 1] = i; }
                }
                List<int>? current = null;
                for (int i = 0; i < Spokes; i++)
                {
                    if (!Mesh[i]) continue;
                    if (current == null || current.Count == MaxMeshGroupSize) { current = new List<int>(); MeshGroups.Add(current); }
                    MeshGroup[i] = MeshGroups.Count - 1;
                    current.Add(i);
                }
            }

            public int HubOf(int spoke) => spoke % Hubs;
            public string Region(int hub) => Regions[hub % Regions.Length];
            public readonly SyntheticAddressPlan Addresses;
            public readonly int PrivateEndpointsPerSpoke;
            public int SubnetPrefixLength => Addresses.SubnetPrefixLength;
            public uint SpokeAddress(int spoke) => Addresses.SpokeAddress(spoke);
            public uint SubnetAddress(int spoke, int subnet) => Addresses.SubnetAddress(spoke, subnet);
            /// <summary>Private endpoints of a spoke: the option's number each, or by default one in about 2% of spokes.</summary>
            public int PrivateEndpointsOf(int spoke) => PrivateEndpointsPerSpoke > 0 ? PrivateEndpointsPerSpoke : PrivateEndpoint[spoke] ? 1 : 0;
        }

        private sealed class Generator
        {
            private readonly Plan p;
            private readonly Utf8JsonWriter w;
            private int resources, vnets, subnets, peeringObjects, privateEndpoints, meshMembers;
            private readonly string[] hubVnetIds, spokeVnetIds, spokePrefixes, hubPrefixes;

            public Generator(Plan plan, Utf8JsonWriter writer)
            {
                p = plan; w = writer;
                hubVnetIds = new string[p.Hubs]; hubPrefixes = new string[p.Hubs];
                for (int h = 0; h < p.Hubs; h++)
                {
                    hubVnetIds[h] = HubId("virtualNetworks", HubName(h));
                    hubPrefixes[h] = "10." + h.ToString(CultureInfo.InvariantCulture) + ".0.0/16";
                }
                spokeVnetIds = new string[p.Spokes]; spokePrefixes = new string[p.Spokes];
                for (int i = 0; i < p.Spokes; i++)
                {
                    spokeVnetIds[i] = SpokeVnetId(i);
                    spokePrefixes[i] = Cidr(p.SpokeAddress(i), p.Addresses.SpokePrefixLength);
                }
            }

            public SyntheticEstateSummary Summary() => new SyntheticEstateSummary(resources, vnets, subnets, peeringObjects, privateEndpoints, p.MeshGroups.Count, meshMembers);

            public void WriteDocument()
            {
                w.WriteStartObject();
                w.WriteNumber("schemaVersion", 1);
                w.WriteString("capturedAt", CapturedAt);
                w.WriteString("source", "synthetic");
                w.WriteStartObject("coverage");
                w.WriteStartArray("denied");
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartArray("resources");
                for (int h = 0; h < p.Hubs; h++) WriteHub(h);
                for (int i = 0; i < p.Spokes; i++) WriteSpoke(i);
                WriteExpressRoute();
                for (int i = 0; i < p.Spokes; i++)
                    for (int k = 0; k < p.PrivateEndpointsOf(i); k++) WritePrivateEndpoint(i, k);
                WriteNetworkManager();
                w.WriteEndArray();
                w.WriteStartArray("results");
                WriteDeploymentStatus();
                for (int h = 0; h < p.Hubs; h++) WriteLearnedRoutes(h);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            // ---------------------------------------------------------------- hubs

            private void WriteHub(int h)
            {
                string name = HubName(h);
                string id = hubVnetIds[h];
                string hh = h.ToString(CultureInfo.InvariantCulture);
                BeginResource(id, name, "Microsoft.Network/virtualNetworks", p.Region(h));
                WriteTags("role", "hub");
                w.WriteStartObject("properties");
                WriteAddressSpace("addressSpace", hubPrefixes[h]);
                w.WriteStartArray("subnets");
                WriteSubnet(id, "AzureFirewallSubnet", "10." + hh + ".1.0/26", null);
                WriteSubnet(id, "GatewaySubnet", "10." + hh + ".255.0/27", null);
                w.WriteEndArray();
                subnets += 2;
                w.WriteStartArray("virtualNetworkPeerings");
                for (int i = h; i < p.Spokes; i += p.Hubs)
                {
                    // docs/routing-model.md#peering-flags: allowGatewayTransit on the hub side, useRemoteGateways on the spoke side.
                    WritePeering(id, "hub-to-" + SpokeName(i), spokeVnetIds[i], spokePrefixes[i], gatewayTransit: true, useRemoteGateways: false);
                }
                w.WriteEndArray();
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                EndResource();
                vnets++;

                // Hub firewall (docs/routing-model.md#next-hop-types: next hop of the spokes' VirtualAppliance UDRs).
                string fwId = HubId("azureFirewalls", "fw-" + name);
                BeginResource(fwId, "fw-" + name, "Microsoft.Network/azureFirewalls", p.Region(h));
                WriteTags();
                w.WriteStartObject("properties");
                w.WriteStartObject("sku");
                w.WriteString("name", "AZFW_VNet");
                w.WriteString("tier", "Standard");
                w.WriteEndObject();
                w.WriteStartArray("ipConfigurations");
                w.WriteStartObject();
                w.WriteString("name", "ipconfig1");
                w.WriteString("id", fwId + "/azureFirewallIpConfigurations/ipconfig1");
                w.WriteStartObject("properties");
                w.WriteString("privateIPAddress", FirewallIp(h));
                WriteRef("subnet", id + "/subnets/AzureFirewallSubnet");
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                EndResource();

                // Spoke route table towards this hub's firewall.
                string rtName = "rt-spokes-fw-" + name;
                string rtId = SpokeGroupId(h, "routeTables", rtName);
                BeginResource(rtId, rtName, "Microsoft.Network/routeTables", p.Region(h));
                WriteTags();
                w.WriteStartObject("properties");
                w.WriteBoolean("disableBgpRoutePropagation", false);
                w.WriteStartArray("routes");
                WriteRoute(rtId, "default-to-fw", "0.0.0.0/0", FirewallIp(h));
                WriteRoute(rtId, "private-to-fw", "10.0.0.0/8", FirewallIp(h));
                w.WriteEndArray();
                w.WriteStartArray("subnets");
                for (int i = h; i < p.Spokes; i += p.Hubs)
                {
                    if (!p.Firewall[i]) continue;
                    for (int k = 0; k < p.Subnets; k++) WriteRef(null, spokeVnetIds[i] + "/subnets/" + SubnetName(k));
                }
                w.WriteEndArray();
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                EndResource();

                if (p.NetworkSecurityGroups) WriteSpokeNsg(h, name);

                // ExpressRoute gateway (docs/routing-model.md#expressroute-hairpin: allowRemoteVnetTraffic enables the MSEE hairpin).
                string gwId = GatewayId(h);
                BeginResource(gwId, "ergw-" + name, "Microsoft.Network/virtualNetworkGateways", p.Region(h));
                WriteTags();
                w.WriteStartObject("properties");
                w.WriteString("gatewayType", "ExpressRoute");
                w.WriteStartObject("sku");
                w.WriteString("name", "ErGw1AZ");
                w.WriteString("tier", "ErGw1AZ");
                w.WriteEndObject();
                w.WriteBoolean("activeActive", false);
                w.WriteStartObject("bgpSettings");
                w.WriteNumber("asn", 65515);
                w.WriteString("bgpPeeringAddress", GatewayIp(h, 4) + "," + GatewayIp(h, 5));
                w.WriteNumber("peerWeight", 0);
                w.WriteEndObject();
                w.WriteBoolean("allowRemoteVnetTraffic", true);
                w.WriteBoolean("allowVirtualWanTraffic", false);
                w.WriteStartArray("ipConfigurations");
                w.WriteStartObject();
                w.WriteString("name", "default");
                w.WriteString("id", gwId + "/ipConfigurations/default");
                w.WriteStartObject("properties");
                w.WriteString("privateIPAllocationMethod", "Dynamic");
                WriteRef("subnet", id + "/subnets/GatewaySubnet");
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                EndResource();
            }

            // ---------------------------------------------------------------- spokes

            private void WriteSpoke(int i)
            {
                int h = p.HubOf(i);
                string id = spokeVnetIds[i];
                BeginResource(id, SpokeName(i), "Microsoft.Network/virtualNetworks", p.Region(h));
                w.WriteStartObject("tags");
                w.WriteString("role", "spoke");
                w.WriteString("hub", HubName(h));
                w.WriteString("inspection", p.Firewall[i] ? "firewall" : "none");
                if (p.MeshGroup[i] >= 0) w.WriteString("meshGroup", GroupName(p.MeshGroup[i]));
                if (p.Environment[i] != null) w.WriteString("environment", p.Environment[i]);
                w.WriteEndObject();
                w.WriteStartObject("properties");
                WriteAddressSpace("addressSpace", spokePrefixes[i]);
                w.WriteStartArray("subnets");
                string? routeTable = p.Firewall[i] ? SpokeGroupId(h, "routeTables", "rt-spokes-fw-" + HubName(h)) : null;
                for (int k = 0; k < p.Subnets; k++)
                    WriteSubnet(id, SubnetName(k), Cidr(p.SubnetAddress(i, k), p.SubnetPrefixLength), routeTable, p.NetworkSecurityGroups ? NsgId(h) : null);
                w.WriteEndArray();
                subnets += p.Subnets;
                w.WriteStartArray("virtualNetworkPeerings");
                WritePeering(id, SpokeName(i) + "-to-hub", hubVnetIds[h], hubPrefixes[h], gatewayTransit: false, useRemoteGateways: true);
                int partner = p.Partner[i];
                if (partner >= 0)
                    WritePeering(id, SpokeName(i) + "-to-" + SpokeName(partner), spokeVnetIds[partner], spokePrefixes[partner], gatewayTransit: false, useRemoteGateways: false);
                w.WriteEndArray();
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                EndResource();
                vnets++;
            }

            /// <summary>The hub's spoke NSG (NetworkSecurityGroups option); its subnets list every spoke subnet of the hub.</summary>
            private void WriteSpokeNsg(int h, string hubName)
            {
                string nsgId = NsgId(h);
                BeginResource(nsgId, "nsg-spokes-" + hubName, "Microsoft.Network/networkSecurityGroups", p.Region(h));
                WriteTags();
                w.WriteStartObject("properties");
                w.WriteStartArray("securityRules");
                WriteSecurityRule(nsgId, "deny-ssh-rdp-in", "Tcp", new[] { "22", "3389" }, "10.0.0.0/8", "Deny", 100, "Inbound");
                WriteSecurityRule(nsgId, "allow-https-in", "Tcp", new[] { "443" }, "10.0.0.0/8", "Allow", 200, "Inbound");
                WriteSecurityRule(nsgId, "deny-postgres-out", "Tcp", new[] { "5432" }, "*", "Deny", 100, "Outbound");
                w.WriteEndArray();
                w.WriteStartArray("subnets");
                for (int i = h; i < p.Spokes; i += p.Hubs)
                    for (int k = 0; k < p.Subnets; k++) WriteRef(null, spokeVnetIds[i] + "/subnets/" + SubnetName(k));
                w.WriteEndArray();
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                EndResource();
            }

            private string NsgId(int h) => SpokeGroupId(h, "networkSecurityGroups", "nsg-spokes-" + HubName(h));

            private void WriteSecurityRule(string nsgId, string name, string protocol, string[] ports, string source, string access, int priority, string direction)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("id", nsgId + "/securityRules/" + name);
                w.WriteStartObject("properties");
                w.WriteString("protocol", protocol);
                w.WriteString("sourcePortRange", "*");
                if (ports.Length == 1) w.WriteString("destinationPortRange", ports[0]);
                else
                {
                    w.WriteStartArray("destinationPortRanges");
                    foreach (var port in ports) w.WriteStringValue(port);
                    w.WriteEndArray();
                }
                w.WriteString("sourceAddressPrefix", source);
                w.WriteString("destinationAddressPrefix", "*");
                w.WriteString("access", access);
                w.WriteNumber("priority", priority);
                w.WriteString("direction", direction);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            private void WriteSubnet(string vnetId, string name, string prefix, string? routeTableId, string? nsgId = null)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("id", vnetId + "/subnets/" + name);
                w.WriteString("type", "Microsoft.Network/virtualNetworks/subnets");
                w.WriteStartObject("properties");
                w.WriteString("addressPrefix", prefix);
                if (routeTableId != null) WriteRef("routeTable", routeTableId);
                if (nsgId != null) WriteRef("networkSecurityGroup", nsgId);
                w.WriteString("privateEndpointNetworkPolicies", "Disabled");
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            private void WritePeering(string localId, string name, string remoteId, string remotePrefix, bool gatewayTransit, bool useRemoteGateways)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("id", localId + "/virtualNetworkPeerings/" + name);
                w.WriteString("type", "Microsoft.Network/virtualNetworks/virtualNetworkPeerings");
                w.WriteStartObject("properties");
                w.WriteBoolean("allowVirtualNetworkAccess", true);
                w.WriteBoolean("allowForwardedTraffic", true);
                w.WriteBoolean("allowGatewayTransit", gatewayTransit);
                w.WriteBoolean("useRemoteGateways", useRemoteGateways);
                w.WriteString("peeringState", "Connected");
                w.WriteString("peeringSyncLevel", "FullyInSync");
                WriteRef("remoteVirtualNetwork", remoteId);
                WriteAddressSpace("remoteAddressSpace", remotePrefix);
                WriteAddressSpace("remoteVirtualNetworkAddressSpace", remotePrefix);
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                w.WriteEndObject();
                peeringObjects++;
            }

            private void WriteRoute(string routeTableId, string name, string prefix, string nextHopIp)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("id", routeTableId + "/routes/" + name);
                w.WriteStartObject("properties");
                w.WriteString("addressPrefix", prefix);
                w.WriteString("nextHopType", "VirtualAppliance");
                w.WriteString("nextHopIpAddress", nextHopIp);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            // ---------------------------------------------------------------- ExpressRoute

            private string CircuitId => HubId("expressRouteCircuits", "erc-shared");

            private void WriteExpressRoute()
            {
                BeginResource(CircuitId, "erc-shared", "Microsoft.Network/expressRouteCircuits", p.Region(0));
                WriteTags();
                w.WriteStartObject("sku");
                w.WriteString("name", "Premium_MeteredData");
                w.WriteString("tier", "Premium");
                w.WriteString("family", "MeteredData");
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteStartArray("peerings");
                w.WriteStartObject();
                w.WriteString("name", "AzurePrivatePeering");
                w.WriteString("id", CircuitId + "/peerings/AzurePrivatePeering");
                w.WriteStartObject("properties");
                w.WriteString("peeringType", "AzurePrivatePeering");
                w.WriteString("state", "Enabled");
                w.WriteNumber("azureASN", 12076);
                w.WriteNumber("peerASN", 65020);
                w.WriteString("primaryPeerAddressPrefix", "172.31.255.0/30");
                w.WriteString("secondaryPeerAddressPrefix", "172.31.255.4/30");
                w.WriteNumber("vlanId", 100);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("circuitProvisioningState", "Enabled");
                w.WriteString("serviceProviderProvisioningState", "Provisioned");
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                EndResource();
                for (int h = 0; h < p.Hubs; h++)
                {
                    string name = "cn-" + HubName(h) + "-erc";
                    BeginResource(HubId("connections", name), name, "Microsoft.Network/connections", p.Region(h));
                    WriteTags();
                    w.WriteStartObject("properties");
                    w.WriteString("connectionType", "ExpressRoute");
                    WriteRef("virtualNetworkGateway1", GatewayId(h));
                    WriteRef("peer", CircuitId);
                    w.WriteNumber("routingWeight", 0);
                    w.WriteString("connectionStatus", "Connected");
                    w.WriteString("provisioningState", "Succeeded");
                    w.WriteEndObject();
                    EndResource();
                }
            }

            private void WriteLearnedRoutes(int h)
            {
                // docs/routing-model.md#expressroute-hairpin: each ER gateway learns the other hubs' VNets (and their spokes) from the
                // MSEE with AS path 12076-12076, on-premises with the customer ASN; its own VNet and peered spokes are Network.
                w.WriteStartObject();
                w.WriteString("operation", "getLearnedRoutes");
                w.WriteString("scope", GatewayId(h));
                w.WriteStartObject("body");
                w.WriteStartArray("value");
                string local = GatewayIp(h, 4);
                WriteLearned(local, hubPrefixes[h], "", local, "Network", "", 32768);
                for (int i = h; i < p.Spokes; i += p.Hubs) WriteLearned(local, spokePrefixes[i], "", local, "Network", "", 32768);
                string msee1 = GatewayIp(h, 12), msee2 = GatewayIp(h, 13);
                for (int other = 0; other < p.Hubs; other++)
                {
                    if (other == h) continue;
                    WriteLearned(local, hubPrefixes[other], msee1, msee1, "EBgp", "12076-12076", 0);
                    WriteLearned(local, hubPrefixes[other], msee2, msee2, "EBgp", "12076-12076", 0);
                    for (int i = other; i < p.Spokes; i += p.Hubs)
                    {
                        WriteLearned(local, spokePrefixes[i], msee1, msee1, "EBgp", "12076-12076", 0);
                        WriteLearned(local, spokePrefixes[i], msee2, msee2, "EBgp", "12076-12076", 0);
                    }
                }
                WriteLearned(local, OnPremPrefix, msee1, msee1, "EBgp", "12076-65020", 0);
                WriteLearned(local, OnPremPrefix, msee2, msee2, "EBgp", "12076-65020", 0);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                MaybeFlush();
            }

            private void WriteLearned(string local, string network, string nextHop, string sourcePeer, string origin, string asPath, int weight)
            {
                w.WriteStartObject();
                w.WriteString("localAddress", local);
                w.WriteString("network", network);
                w.WriteString("nextHop", nextHop);
                w.WriteString("sourcePeer", sourcePeer);
                w.WriteString("origin", origin);
                w.WriteString("asPath", asPath);
                w.WriteNumber("weight", weight);
                w.WriteEndObject();
                MaybeFlush();
            }

            // ---------------------------------------------------------------- private endpoints

            private void WritePrivateEndpoint(int i, int k)
            {
                int h = p.HubOf(i);
                string peName = "pe-" + SpokeName(i) + (k == 0 ? "" : "-" + (k + 1).ToString(CultureInfo.InvariantCulture));
                string peId = SpokeGroupId(h, "privateEndpoints", peName);
                string nicName = peName + ".nic";
                string nicId = SpokeGroupId(h, "networkInterfaces", nicName);
                string subnetId = spokeVnetIds[i] + "/subnets/" + SubnetName(0);
                string ip = Ip(p.Addresses.PrivateEndpointAddress(i, k));
                BeginResource(peId, peName, "Microsoft.Network/privateEndpoints", p.Region(h));
                WriteTags();
                w.WriteStartObject("properties");
                WriteRef("subnet", subnetId);
                w.WriteStartArray("networkInterfaces");
                WriteRef(null, nicId);
                w.WriteEndArray();
                w.WriteStartArray("privateLinkServiceConnections");
                w.WriteStartObject();
                w.WriteString("name", peName);
                w.WriteString("id", peId + "/privateLinkServiceConnections/" + peName);
                w.WriteStartObject("properties");
                w.WriteString("privateLinkServiceId", "/subscriptions/" + SpokeSubscription + "/resourceGroups/" + SpokeResourceGroup(h) + "/providers/Microsoft.Storage/storageAccounts/st" + SpokeName(i).Replace("-", string.Empty));
                w.WriteStartArray("groupIds");
                w.WriteStringValue("blob");
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                EndResource();

                BeginResource(nicId, nicName, "Microsoft.Network/networkInterfaces", p.Region(h));
                WriteTags();
                w.WriteStartObject("properties");
                w.WriteStartArray("ipConfigurations");
                w.WriteStartObject();
                w.WriteString("name", "privateEndpointIpConfig.blob");
                w.WriteString("id", nicId + "/ipConfigurations/privateEndpointIpConfig.blob");
                w.WriteStartObject("properties");
                w.WriteString("privateIPAddress", ip);
                w.WriteString("privateIPAllocationMethod", "Dynamic");
                WriteRef("subnet", subnetId);
                w.WriteBoolean("primary", true);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteBoolean("enableIPForwarding", false);
                WriteRef("privateEndpoint", peId);
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                EndResource();
                privateEndpoints++;
            }

            // ---------------------------------------------------------------- AVNM

            private string NetworkManagerId => HubId("networkManagers", "nm-synthetic");

            private static string GroupName(int g) => "ng-mesh-" + (g + 1).ToString("D3", CultureInfo.InvariantCulture);

            private static string ConfigName(int g) => "cc-mesh-" + (g + 1).ToString("D3", CultureInfo.InvariantCulture);

            private void WriteNetworkManager()
            {
                string nm = NetworkManagerId;
                BeginResource(nm, "nm-synthetic", "Microsoft.Network/networkManagers", p.Region(0));
                WriteTags();
                w.WriteStartObject("properties");
                w.WriteStartObject("networkManagerScopes");
                w.WriteStartArray("managementGroups");
                w.WriteEndArray();
                w.WriteStartArray("subscriptions");
                w.WriteStringValue("/subscriptions/" + HubSubscription);
                w.WriteStringValue("/subscriptions/" + SpokeSubscription);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartArray("networkManagerScopeAccesses");
                w.WriteStringValue("Connectivity");
                w.WriteEndArray();
                w.WriteString("provisioningState", "Succeeded");
                w.WriteEndObject();
                EndResource();

                for (int g = 0; g < p.MeshGroups.Count; g++)
                {
                    string groupId = nm + "/networkGroups/" + GroupName(g);
                    BeginResource(groupId, GroupName(g), "Microsoft.Network/networkManagers/networkGroups", null);
                    w.WriteStartObject("properties");
                    w.WriteString("memberType", "VirtualNetwork");
                    w.WriteString("provisioningState", "Succeeded");
                    w.WriteEndObject();
                    EndResource();
                    foreach (int i in p.MeshGroups[g])
                    {
                        string member = "sm-" + SpokeName(i);
                        BeginResource(groupId + "/staticMembers/" + member, member, "Microsoft.Network/networkManagers/networkGroups/staticMembers", null);
                        w.WriteStartObject("properties");
                        w.WriteString("resourceId", spokeVnetIds[i]);
                        w.WriteString("region", p.Region(p.HubOf(i)));
                        w.WriteString("provisioningState", "Succeeded");
                        w.WriteEndObject();
                        EndResource();
                        meshMembers++;
                    }

                    // docs/routing-model.md#avnm-connectivity-configurations: a Mesh configuration makes its group a connected group; global so that
                    // members in every hub region are connected (docs/routing-model.md#connected-group-limits: at most 250 VNets per connected group).
                    BeginResource(nm + "/connectivityConfigurations/" + ConfigName(g), ConfigName(g), "Microsoft.Network/networkManagers/connectivityConfigurations", null);
                    w.WriteStartObject("properties");
                    w.WriteString("connectivityTopology", "Mesh");
                    w.WriteStartArray("hubs");
                    w.WriteEndArray();
                    w.WriteString("isGlobal", "True");
                    w.WriteString("deleteExistingPeering", "False");
                    w.WriteStartArray("appliesToGroups");
                    w.WriteStartObject();
                    w.WriteString("networkGroupId", groupId);
                    w.WriteString("groupConnectivity", "None");
                    w.WriteString("isGlobal", "True");
                    w.WriteString("useHubGateway", "False");
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteStartObject("connectivityCapabilities");
                    w.WriteString("connectedGroupPrivateEndpointsScale", "Standard");
                    w.WriteString("connectedGroupAddressOverlap", "Allowed");
                    w.WriteString("peeringEnforcement", "Unenforced");
                    w.WriteEndObject();
                    w.WriteString("provisioningState", "Succeeded");
                    w.WriteEndObject();
                    EndResource();
                }
            }

            private void WriteDeploymentStatus()
            {
                w.WriteStartObject();
                w.WriteString("operation", "listDeploymentStatus");
                w.WriteString("scope", NetworkManagerId);
                w.WriteStartObject("body");
                w.WriteStartArray("value");
                int regions = Math.Min(p.Hubs, Regions.Length);
                for (int r = 0; r < regions; r++)
                {
                    w.WriteStartObject();
                    w.WriteString("commitTime", CapturedAt);
                    w.WriteString("region", Regions[r]);
                    w.WriteString("deploymentStatus", "Deployed");
                    w.WriteStartArray("configurationIds");
                    for (int g = 0; g < p.MeshGroups.Count; g++) w.WriteStringValue(NetworkManagerId + "/connectivityConfigurations/" + ConfigName(g));
                    w.WriteEndArray();
                    w.WriteString("deploymentType", "Connectivity");
                    w.WriteString("errorMessage", string.Empty);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                MaybeFlush();
            }

            // ---------------------------------------------------------------- writer helpers

            private void BeginResource(string id, string name, string type, string? location)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("name", name);
                w.WriteString("type", type);
                if (location != null) w.WriteString("location", location);
            }

            private void EndResource()
            {
                w.WriteEndObject();
                resources++;
                MaybeFlush();
            }

            private void MaybeFlush()
            {
                if (w.BytesPending >= FlushThreshold) w.Flush();
            }

            private void WriteTags(string? key = null, string? value = null)
            {
                w.WriteStartObject("tags");
                if (key != null) w.WriteString(key, value);
                w.WriteEndObject();
            }

            private void WriteRef(string? propertyName, string id)
            {
                if (propertyName == null) w.WriteStartObject(); else w.WriteStartObject(propertyName);
                w.WriteString("id", id);
                w.WriteEndObject();
            }

            private void WriteAddressSpace(string propertyName, string prefix)
            {
                w.WriteStartObject(propertyName);
                w.WriteStartArray("addressPrefixes");
                w.WriteStringValue(prefix);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            private static string HubName(int h) => "hub-" + (h + 1).ToString("D2", CultureInfo.InvariantCulture);

            private static string SpokeName(int i) => "spoke-" + (i + 1).ToString("D5", CultureInfo.InvariantCulture);

            private static string SubnetName(int k) => "snet-" + (k + 1).ToString("D2", CultureInfo.InvariantCulture);

            private string SpokeResourceGroup(int h) => "rg-spokes-" + HubName(h);

            private static string HubId(string type, string name) =>
                "/subscriptions/" + HubSubscription + "/resourceGroups/" + HubResourceGroup + NetworkProvider + type + "/" + name;

            private string SpokeVnetId(int spoke) => SpokeGroupId(p.HubOf(spoke), "virtualNetworks", SpokeName(spoke));

            // Spokes, their route table and their private endpoints live in one resource group per hub.
            private string SpokeGroupId(int hub, string type, string name) =>
                "/subscriptions/" + SpokeSubscription + "/resourceGroups/" + SpokeResourceGroup(hub) + NetworkProvider + type + "/" + name;

            private string GatewayId(int h) => HubId("virtualNetworkGateways", "ergw-" + HubName(h));

            private static string FirewallIp(int h) => "10." + h.ToString(CultureInfo.InvariantCulture) + ".1.4";

            private static string GatewayIp(int h, int host) => "10." + h.ToString(CultureInfo.InvariantCulture) + ".255." + host.ToString(CultureInfo.InvariantCulture);

            private static string Cidr(uint address, int length) => Ip(address) + "/" + length.ToString(CultureInfo.InvariantCulture);

            private static string Ip(uint a) =>
                (a >> 24).ToString(CultureInfo.InvariantCulture) + "." + ((a >> 16) & 255).ToString(CultureInfo.InvariantCulture) + "." +
                ((a >> 8) & 255).ToString(CultureInfo.InvariantCulture) + "." + (a & 255).ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>SplitMix64: a tiny PRNG whose sequence is fixed by its seed on every runtime (System.Random is not guaranteed to be).</summary>
        private struct SplitMix64
        {
            private ulong state;

            public SplitMix64(ulong seed) { state = seed; }

            public ulong Next()
            {
                ulong z = unchecked(state += 0x9E3779B97F4A7C15UL);
                z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
                z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
                return z ^ (z >> 31);
            }

            public double NextDouble() => (Next() >> 11) * (1.0 / 9007199254740992.0);
        }
    }

    /// <summary>Counts of what <see cref="SyntheticEstate.Write"/> wrote.</summary>
    public sealed class SyntheticEstateSummary
    {
        internal SyntheticEstateSummary(int resources, int virtualNetworks, int subnets, int peeringObjects, int privateEndpoints, int meshGroups, int meshMembers)
        {
            Resources = resources; VirtualNetworks = virtualNetworks; Subnets = subnets; PeeringObjects = peeringObjects;
            PrivateEndpoints = privateEndpoints; MeshGroups = meshGroups; MeshMembers = meshMembers;
        }

        /// <summary>Top-level entries of <c>resources</c>.</summary>
        public int Resources { get; }
        /// <summary>Hub and spoke VNets.</summary>
        public int VirtualNetworks { get; }
        /// <summary>Subnets across all VNets (hub subnets included).</summary>
        public int Subnets { get; }
        /// <summary>Peering objects (two per peering, one on each VNet).</summary>
        public int PeeringObjects { get; }
        /// <summary>Private endpoints.</summary>
        public int PrivateEndpoints { get; }
        /// <summary>AVNM mesh network groups.</summary>
        public int MeshGroups { get; }
        /// <summary>Static members across the mesh groups.</summary>
        public int MeshMembers { get; }
    }
}
