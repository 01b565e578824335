namespace AzSpokeTools.Cli;

/// <summary>Maps engine request parameter names (the cmdlet parameter names) to CLI option names for error messages.</summary>
internal static class CliOptionNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Snapshot"] = "--snapshot",
        ["Subnet"] = "--subnet",
        ["NetworkInterface"] = "--nic",
        ["Source"] = "--from",
        ["Destination"] = "--to",
        ["Intent"] = "--intent",
        ["VirtualNetwork"] = "--vnet",
        ["Tag"] = "--tag",
        ["NetworkGroup"] = "--group",
        ["OutputPath"] = "--out",
        ["Format"] = "--format",
        ["Region"] = "--region",
        ["ConnectedGroupLimit"] = "--group-limit",
        ["HighScaleConnectedGroupLimit"] = "--high-scale-limit",
        ["InfrastructureAsCode"] = "--iac",
        ["Wave"] = "--wave",
        ["NetworkManager"] = "--network-manager",
        ["Owner"] = "--owner",
        ["Engine"] = "--engine",
        ["ServiceTagFile"] = "--service-tags",
        ["MaxPaths"] = "--max-paths",
        ["PilotSize"] = "--pilot-size",
        ["WaveSize"] = "--wave-size",
        ["SoakDays"] = "--soak-days",
        ["Decommission"] = "--decommission",
        ["Before"] = "--before",
        ["After"] = "--after",
        ["Plan"] = "--plan",
        ["Environment"] = "--environment",
        ["ArmEndpoint"] = "--arm-endpoint",
        ["AccessToken"] = "--access-token",
        ["OutputFormat"] = "--format",
    };

    public static string For(string parameter) => Names.TryGetValue(parameter, out var n) ? n : parameter;
}
