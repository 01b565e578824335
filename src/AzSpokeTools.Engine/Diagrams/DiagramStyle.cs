using System.Globalization;
using System.Text;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>The look shared by every diagram writer: legend names, colours and dash patterns per node and edge kind.</summary>
    internal static class DiagramStyle
    {
        public const string ForwardColour = "#1f6feb";
        public const string ReverseColour = "#d9480f";

        public static string Name(DiagramNodeKind kind) => kind switch
        {
            DiagramNodeKind.VirtualNetwork => "Virtual network",
            DiagramNodeKind.HubVirtualNetwork => "Hub virtual network",
            DiagramNodeKind.VpnGateway => "VPN gateway",
            DiagramNodeKind.ExpressRouteGateway => "ExpressRoute gateway",
            DiagramNodeKind.ExpressRouteCircuit => "ExpressRoute circuit (MSEE)",
            DiagramNodeKind.AzureFirewall => "Azure Firewall",
            DiagramNodeKind.NetworkVirtualAppliance => "Network virtual appliance",
            DiagramNodeKind.RouteServer => "Route Server",
            DiagramNodeKind.VirtualWanHub => "Virtual WAN hub",
            _ => "AVNM connected group",
        };

        public static string Name(DiagramEdgeKind kind) => kind switch
        {
            DiagramEdgeKind.Peering => "VNet peering",
            DiagramEdgeKind.GlobalPeering => "Global VNet peering",
            DiagramEdgeKind.ConnectedGroupMember => "Connected group member",
            DiagramEdgeKind.GatewayConnection => "Gateway connection",
            DiagramEdgeKind.HubConnection => "Virtual WAN connection",
            DiagramEdgeKind.Attachment => "Device in VNet / hub",
            DiagramEdgeKind.ForwardPath => "Forward path (numbered)",
            _ => "Reverse path (numbered)",
        };

        /// <summary>Fill and stroke of a node kind.</summary>
        public static (string Fill, string Stroke) Colours(DiagramNodeKind kind) => kind switch
        {
            DiagramNodeKind.VirtualNetwork => ("#e8f1fb", "#2f6db5"),
            DiagramNodeKind.HubVirtualNetwork => ("#cfe0f5", "#1b4f91"),
            DiagramNodeKind.VpnGateway => ("#fff3d6", "#b7791f"),
            DiagramNodeKind.ExpressRouteGateway => ("#fde2cf", "#c05621"),
            DiagramNodeKind.ExpressRouteCircuit => ("#fbe0e6", "#b83255"),
            DiagramNodeKind.AzureFirewall => ("#fde8e8", "#c53030"),
            DiagramNodeKind.NetworkVirtualAppliance => ("#fdf0dc", "#9c4221"),
            DiagramNodeKind.RouteServer => ("#e6fffa", "#2c7a7b"),
            DiagramNodeKind.VirtualWanHub => ("#efe7fb", "#6b46c1"),
            _ => ("#e6f6ea", "#2f855a"),
        };

        /// <summary>Stroke colour and SVG dash pattern ("" for solid) of an edge kind.</summary>
        public static (string Stroke, string Dash, double Width) Line(DiagramEdgeKind kind) => kind switch
        {
            DiagramEdgeKind.Peering => ("#718096", "", 1.5),
            DiagramEdgeKind.GlobalPeering => ("#718096", "6 4", 1.5),
            DiagramEdgeKind.ConnectedGroupMember => ("#2f855a", "2 3", 1.5),
            DiagramEdgeKind.GatewayConnection => ("#b83255", "", 2),
            DiagramEdgeKind.HubConnection => ("#6b46c1", "", 1.5),
            DiagramEdgeKind.Attachment => ("#a0aec0", "", 1),
            DiagramEdgeKind.ForwardPath => (ForwardColour, "", 3),
            _ => (ReverseColour, "8 4", 3),
        };

        /// <summary>Escapes text for XML and HTML content and attribute values.</summary>
        public static string Xml(string text)
        {
            var sb = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '"': sb.Append("&quot;"); break;
                    case '\'': sb.Append("&#39;"); break;
                    default:
                        if (c < ' ' && c != '\n' && c != '\t') sb.Append(' ');
                        else sb.Append(c);
                        break;
                }
            }
            return sb.ToString();
        }

        public static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
