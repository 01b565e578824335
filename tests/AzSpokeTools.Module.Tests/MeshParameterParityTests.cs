using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using AzSpokeTools.Cli;
using AzSpokeTools.Cmdlets;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// Every 'azspoke plan' option has a Convert-HairpinToMesh parameter, and every 'azspoke readiness' option a
/// Test-MeshReadiness parameter: the option lists are read from the CLI's own help, the parameter lists from the cmdlet
/// classes, so an option added on one side only fails here.
/// </summary>
public sealed class MeshParameterParityTests
{
    /// <summary>CLI options whose parameter is not the PascalCase of the option name (or is a common parameter).</summary>
    private static readonly Dictionary<string, string[]> Renamed = new()
    {
        ["--snapshot"] = ["Snapshot", "Topology"],
        ["--vnet"] = ["VirtualNetwork"],
        ["--group"] = ["NetworkGroup"],
        ["--group-limit"] = ["ConnectedGroupLimit"],
        ["--high-scale-limit"] = ["HighScaleConnectedGroupLimit"],
        ["--out"] = ["OutputPath"],
        ["--iac"] = ["InfrastructureAsCode"],
        ["--no-what-if"] = ["SkipWhatIf"],
        // --threads is -ThrottleLimit, the PowerShell name for a degree of parallelism (as on Get-SpokePathMatrix).
        ["--threads"] = ["ThrottleLimit"],
        // --wave is NAME=PATTERN when planning and a wave number with --apply: two typed parameters.
        ["--wave"] = ["WavePattern", "Wave"],
        // --dry-run is the common parameter -WhatIf (SupportsShouldProcess).
        ["--dry-run"] = ["WhatIf"],
        // --format json|table: the cmdlet writes objects; ConvertTo-Json is the json form.
        ["--format"] = [],
    };

    private static IReadOnlyList<string> CliOptions(string command)
    {
        var output = new StringWriter();
        CliApp.Run([command, "--help"], output, new StringWriter());
        var options = output.ToString().Split('\n').SkipWhile(l => !l.StartsWith("Options:", StringComparison.Ordinal)).Skip(1)
            .Select(l => Regex.Match(l, @"^\s+(--[a-z-]+)").Groups[1].Value)
            .Where(o => o.Length > 0 && o != "--help")
            .ToList();
        Assert.NotEmpty(options);
        return options;
    }

    private static HashSet<string> Parameters(Type cmdlet)
    {
        var names = cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any())
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        if (cmdlet.GetCustomAttribute<CmdletAttribute>()!.SupportsShouldProcess) names.Add("WhatIf");
        names.Add("Verbose"); // a common parameter of every cmdlet, as --verbose is an option of every command
        return names;
    }

    private static string Pascal(string option) =>
        string.Concat(option.TrimStart('-').Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static List<string> Missing(string command, Type cmdlet)
    {
        var parameters = Parameters(cmdlet);
        return CliOptions(command)
            .Where(o => !(Renamed.TryGetValue(o, out var mapped) ? mapped.All(parameters.Contains) : parameters.Contains(Pascal(o))))
            .ToList();
    }

    [Fact]
    public void EveryPlanOptionHasAConvertHairpinToMeshParameter()
    {
        var missing = Missing("plan", typeof(ConvertHairpinToMeshCommand));
        Assert.True(missing.Count == 0, "azspoke plan options without a Convert-HairpinToMesh parameter: " + string.Join(", ", missing));
        // The options the migration added are among those checked, so the help parsing found them.
        Assert.Contains("--pilot-size", CliOptions("plan"));
        Assert.Contains("--soak-days", CliOptions("plan"));
        Assert.Contains("--network-manager", CliOptions("plan"));
    }

    [Fact]
    public void EveryReadinessOptionHasATestMeshReadinessParameter()
    {
        var missing = Missing("readiness", typeof(TestMeshReadinessCommand));
        Assert.True(missing.Count == 0, "azspoke readiness options without a Test-MeshReadiness parameter: " + string.Join(", ", missing));
    }

    [Fact]
    public void AParameterMissingOnTheCmdletSideIsReported()
    {
        // Test-MeshReadiness has no -PilotSize: checking the plan options against it must report the wave options.
        var missing = Missing("plan", typeof(TestMeshReadinessCommand));
        Assert.Contains("--pilot-size", missing);
        Assert.Contains("--decommission", missing);
    }
}
