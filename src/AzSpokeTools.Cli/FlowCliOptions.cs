using System.CommandLine;

namespace AzSpokeTools.Cli;

/// <summary>The flow options of <c>path</c> and <c>matrix</c>: <c>--protocol</c>, <c>--port</c>, <c>--source-port</c>, <c>--assume-nva</c>.</summary>
internal sealed class FlowCliOptions
{
    public Option<string?> Protocol { get; } = new("--protocol") { Description = "Tcp (default), Udp, Icmp or Any: the flow whose access (NSGs, AVNM security admin rules, firewall rules) is evaluated with --port" };
    public Option<int?> Port { get; } = new("--port") { Description = "Destination port: evaluate whether the flow is allowed along the path (not evaluated without it, except for --protocol Icmp)" };
    public Option<int?> SourcePort { get; } = new("--source-port") { Description = "Source port (default any: rules restricted to source ports are Unknown)" };
    public Option<string?> AssumeNva { get; } = new("--assume-nva") { Description = "allow or deny: what third-party network virtual appliances do with the flow (default Unknown: their rules are not visible)" };

    private FlowCliOptions()
    {
        Protocol.AcceptOnlyFromAmong("Tcp", "Udp", "Icmp", "Any", "tcp", "udp", "icmp", "any");
        AssumeNva.AcceptOnlyFromAmong("allow", "deny");
    }

    public static FlowCliOptions Create() => new();
}
