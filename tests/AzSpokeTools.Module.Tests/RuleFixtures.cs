using System.Management.Automation;

// Cmdlet classes that break one convention each, compiled into this test assembly so that the rules are
// shown to catch what they claim to catch. None is ever run.
namespace AzSpokeTools.Module.Tests.RuleFixtures;

[Cmdlet("Fetch", "Thing")]
[OutputType(typeof(string))]
public sealed class UnapprovedVerbCmdlet : PSCmdlet
{
    [Parameter(HelpMessage = "A name.")]
    public string? Name { get; set; }
}

[Cmdlet(VerbsCommon.Get, "NoOutputType")]
public sealed class NoOutputTypeCmdlet : PSCmdlet
{
}

[Cmdlet(VerbsCommon.Get, "PositionClash")]
[OutputType(typeof(string))]
public sealed class PositionClashCmdlet : PSCmdlet
{
    [Parameter(Position = 0, HelpMessage = "First.")]
    public string? First { get; set; }

    [Parameter(Position = 0, HelpMessage = "Second.")]
    public string? Second { get; set; }
}

[Cmdlet(VerbsCommon.Get, "SetWithoutOwnMandatory", DefaultParameterSetName = "A")]
[OutputType(typeof(string))]
public sealed class SetWithoutOwnMandatoryCmdlet : PSCmdlet
{
    [Parameter(ParameterSetName = "A", Mandatory = true, HelpMessage = "A.")]
    public string? A { get; set; }

    [Parameter(ParameterSetName = "B", HelpMessage = "B.")]
    public string? B { get; set; }
}

[Cmdlet(VerbsCommon.Get, "NoDefaultSet")]
[OutputType(typeof(string))]
public sealed class NoDefaultSetCmdlet : PSCmdlet
{
    [Parameter(ParameterSetName = "A", Mandatory = true, HelpMessage = "A.")]
    public string? A { get; set; }

    [Parameter(ParameterSetName = "B", Mandatory = true, HelpMessage = "B.")]
    public string? B { get; set; }
}

[Cmdlet(VerbsCommon.Get, "DuplicateAlias")]
[OutputType(typeof(string))]
public sealed class DuplicateAliasCmdlet : PSCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Subnet.")]
    [Alias("Id")]
    public string? Subnet { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "NIC.")]
    [Alias("Id")]
    public string? NetworkInterface { get; set; }
}

[Cmdlet(VerbsCommon.Get, "NotPipeable")]
[OutputType(typeof(string))]
public sealed class NotPipeableCmdlet : PSCmdlet
{
    [Parameter(Mandatory = true, HelpMessage = "Source.")]
    public string? Source { get; set; }
}

[Cmdlet(VerbsCommon.Set, "WithoutShouldProcess")]
[OutputType(typeof(string))]
public sealed class ChangingWithoutShouldProcessCmdlet : PSCmdlet
{
}

[Cmdlet(VerbsData.Convert, "LowImpact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(string))]
public sealed class ApplyWithLowImpactCmdlet : PSCmdlet
{
    [Parameter(HelpMessage = "Apply.")]
    public SwitchParameter Apply { get; set; }
}

[Cmdlet(VerbsCommon.Get, "Undocumented")]
[OutputType(typeof(string))]
public sealed class UndocumentedParameterCmdlet : PSCmdlet
{
    [Parameter]
    public string? Secret { get; set; }
}

/// <summary>Follows every rule: the rules must report nothing for it.</summary>
[Cmdlet(VerbsCommon.Get, "WellFormed", DefaultParameterSetName = "BySubnet")]
[OutputType(typeof(string))]
public sealed class WellFormedCmdlet : PSCmdlet
{
    [Parameter(ParameterSetName = "BySubnet", Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Subnet.")]
    [Alias("SubnetId")]
    public string? Subnet { get; set; }

    [Parameter(ParameterSetName = "ByNic", Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "NIC.")]
    [Alias("NetworkInterfaceId")]
    public string? NetworkInterface { get; set; }

    [Parameter(HelpMessage = "Snapshot.")]
    public string? Snapshot { get; set; }
}

/// <summary>A result object that breaks the output rules: an enum, a struct and a plain list.</summary>
public sealed class LeakyResult
{
    public System.DayOfWeek Day { get; set; }
    public System.Guid Id { get; set; }
    public List<string> Items { get; set; } = [];
    public string? Name { get; set; }
}
