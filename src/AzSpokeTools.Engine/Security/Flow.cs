using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>The protocol of a flow whose access is asked for.</summary>
    public enum FlowProtocol
    {
        /// <summary>TCP.</summary>
        Tcp,
        /// <summary>UDP.</summary>
        Udp,
        /// <summary>ICMP (no ports).</summary>
        Icmp,
        /// <summary>Every protocol: allowed only when TCP, UDP and ICMP on the port all are.</summary>
        Any,
    }

    /// <summary>
    /// The protocol and ports of the traffic a path's access is evaluated for; source and destination addresses come from the path.
    /// Without a source port, source-port ranges of rules are matched only when they cover every port.
    /// </summary>
    public sealed class Flow : IEquatable<Flow>
    {
        /// <summary>A flow; ports 0–65535, no destination port for ICMP.</summary>
        /// <exception cref="EngineInputException">A port out of range, or a port missing for TCP, UDP or Any.</exception>
        public Flow(FlowProtocol protocol, int? destinationPort, int? sourcePort = null)
        {
            if (destinationPort is int d && (d < 0 || d > 65535)) throw new EngineInputException("Port", $"{d} is not a port; give 0 to 65535");
            if (sourcePort is int s && (s < 0 || s > 65535)) throw new EngineInputException("SourcePort", $"{s} is not a port; give 0 to 65535");
            if (protocol != FlowProtocol.Icmp && destinationPort == null) throw new EngineInputException("Port", $"give the destination port of the {protocol} flow");
            Protocol = protocol;
            DestinationPort = protocol == FlowProtocol.Icmp ? null : destinationPort;
            SourcePort = protocol == FlowProtocol.Icmp ? null : sourcePort;
        }

        /// <summary>Tcp, Udp, Icmp or Any.</summary>
        public FlowProtocol Protocol { get; }
        /// <summary>The destination port; null for ICMP.</summary>
        public int? DestinationPort { get; }
        /// <summary>The source port; null when not given (any).</summary>
        public int? SourcePort { get; }

        /// <summary>The concrete protocols the flow stands for: itself, or TCP, UDP and ICMP for Any.</summary>
        internal IReadOnlyList<Flow> Concrete() => Protocol != FlowProtocol.Any ? new[] { this }
            : new[] { new Flow(FlowProtocol.Tcp, DestinationPort, SourcePort), new Flow(FlowProtocol.Udp, DestinationPort, SourcePort), new Flow(FlowProtocol.Icmp, null) };

        /// <summary>The protocol name; a missing or unknown name is an <see cref="EngineInputException"/> for <paramref name="parameter"/>.</summary>
        public static FlowProtocol ParseProtocol(string? text, string parameter = "Protocol")
        {
            var t = (text ?? "").Trim();
            foreach (FlowProtocol p in Enum.GetValues(typeof(FlowProtocol)))
                if (string.Equals(t, p.ToString(), StringComparison.OrdinalIgnoreCase)) return p;
            if (t == "*") return FlowProtocol.Any;
            throw new EngineInputException(parameter, $"'{text}' is not a protocol; use Tcp, Udp, Icmp or Any");
        }

        /// <summary>
        /// "443/tcp", "53/udp", "icmp", "8080/any" (protocol names in any case; a port range is not a flow).
        /// </summary>
        /// <exception cref="EngineInputException">For <paramref name="parameter"/>, naming the text.</exception>
        public static Flow Parse(string? text, string parameter = "Port")
        {
            var t = (text ?? "").Trim();
            if (string.Equals(t, "icmp", StringComparison.OrdinalIgnoreCase)) return new Flow(FlowProtocol.Icmp, null);
            int slash = t.IndexOf('/');
            if (slash <= 0 || slash == t.Length - 1 ||
                !int.TryParse(t.Substring(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                throw new EngineInputException(parameter, $"'{text}' is not a flow; write PORT/PROTOCOL such as 443/tcp or 53/udp, or icmp");
            var protocol = ParseProtocol(t.Substring(slash + 1), parameter);
            if (protocol == FlowProtocol.Icmp) throw new EngineInputException(parameter, $"'{text}': ICMP has no port; write icmp");
            if (port > 65535) throw new EngineInputException(parameter, $"'{text}': {port} is not a port; give 0 to 65535");
            return new Flow(protocol, port);
        }

        /// <inheritdoc />
        public bool Equals(Flow? other) => other != null && other.Protocol == Protocol && other.DestinationPort == DestinationPort && other.SourcePort == SourcePort;
        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as Flow);
        /// <inheritdoc />
        public override int GetHashCode() => ((int)Protocol * 397) ^ (DestinationPort ?? -1) ^ ((SourcePort ?? -1) << 16);

        /// <summary>"443/Tcp", "Icmp", with "from port N" when a source port is given.</summary>
        public override string ToString() =>
            (DestinationPort is int d ? d.ToString(CultureInfo.InvariantCulture) + "/" : "") + Protocol +
            (SourcePort is int s ? " from port " + s.ToString(CultureInfo.InvariantCulture) : "");
    }
}
