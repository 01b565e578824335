using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// The flow parameters requests share (<c>--protocol --port --source-port --assume-nva</c>; -Protocol -Port -SourcePort -AssumeNva):
    /// access is evaluated only when a port is given (or the protocol is ICMP, which has none).
    /// </summary>
    internal static class FlowOptions
    {
        /// <summary>The flow the parameters ask for, or null when access is not asked for.</summary>
        /// <exception cref="EngineInputException">A protocol other than ICMP or a source port without a port; an unknown protocol; a port out of range.</exception>
        public static Flow? From(string? protocol, int? port, int? sourcePort)
        {
            FlowProtocol? p = string.IsNullOrWhiteSpace(protocol) ? (FlowProtocol?)null : Flow.ParseProtocol(protocol);
            if (port == null)
            {
                if (p == FlowProtocol.Icmp) return new Flow(FlowProtocol.Icmp, null);
                if (sourcePort != null) throw new EngineInputException("SourcePort", "a source port needs a destination port too (--port / -Port)");
                if (p != null) throw new EngineInputException("Port", $"give the destination port of the {p} flow (--port / -Port); access is evaluated for a protocol and port");
                return null;
            }
            if (p == FlowProtocol.Icmp) throw new EngineInputException("Port", "ICMP has no port; leave --port out (-Port) for ICMP");
            return new Flow(p ?? FlowProtocol.Tcp, port, sourcePort);
        }

        /// <summary>allow, deny or null (Unknown) for third-party appliances.</summary>
        public static SecurityOptions Options(string? assumeNva)
        {
            var o = new SecurityOptions();
            if (string.IsNullOrWhiteSpace(assumeNva)) return o;
            if (string.Equals(assumeNva, "allow", System.StringComparison.OrdinalIgnoreCase)) o.AssumeAppliances = AccessVerdict.Allowed;
            else if (string.Equals(assumeNva, "deny", System.StringComparison.OrdinalIgnoreCase)) o.AssumeAppliances = AccessVerdict.Denied;
            else throw new EngineInputException("AssumeNva", $"'{assumeNva}' is not allow or deny");
            return o;
        }
    }
}
