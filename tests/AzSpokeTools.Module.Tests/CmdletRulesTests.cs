using AzSpokeTools.HelpGen;
using AzSpokeTools.Module.Tests.RuleFixtures;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>The rules catch each broken fixture cmdlet (read through MetadataLoadContext, as the built module is) and pass a compliant one.</summary>
public sealed class CmdletRulesTests : IDisposable
{
    private readonly InspectedAssemblies _inspected = new(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"));
    private readonly IReadOnlyList<CmdletMetadata> _fixtures;

    public CmdletRulesTests()
    {
        _fixtures = CmdletMetadata.ReadAll(_inspected.Load(typeof(CmdletRulesTests).Assembly.Location));
    }

    public void Dispose() => _inspected.Dispose();

    private IReadOnlyList<string> Violations<T>(CmdletHelp? help = null) =>
        CmdletRules.Check(_fixtures.Single(f => f.Type.FullName == typeof(T).FullName), help);

    [Fact]
    public void UnapprovedVerbIsReported() => Assert.Contains(Violations<UnapprovedVerbCmdlet>(), v => v.Contains("'Fetch' is not an approved verb"));

    [Fact]
    public void MissingOutputTypeIsReported() => Assert.Contains(Violations<NoOutputTypeCmdlet>(), v => v.Contains("no [OutputType]"));

    [Fact]
    public void TwoParametersAtOnePositionAreReported() => Assert.Contains(Violations<PositionClashCmdlet>(), v => v.Contains("share position 0"));

    [Fact]
    public void ParameterSetWithoutItsOwnMandatoryParameterIsReported() =>
        Assert.Contains(Violations<SetWithoutOwnMandatoryCmdlet>(), v => v.Contains("parameter set 'B' has no mandatory parameter, so PowerShell cannot tell it from 'A'"));

    [Fact]
    public void SeveralParameterSetsWithoutDefaultAreReported() => Assert.Contains(Violations<NoDefaultSetCmdlet>(), v => v.Contains("no DefaultParameterSetName"));

    [Fact]
    public void AliasUsedTwiceIsReported() => Assert.Contains(Violations<DuplicateAliasCmdlet>(), v => v.Contains("alias 'Id'"));

    [Fact]
    public void ResourceParameterThatDoesNotBindByPropertyNameIsReported() =>
        Assert.Contains(Violations<NotPipeableCmdlet>(), v => v.Contains("-Source names a resource"));

    [Fact]
    public void ChangingVerbWithoutShouldProcessIsReported()
    {
        var violations = Violations<ChangingWithoutShouldProcessCmdlet>();
        Assert.Contains(violations, v => v.Contains("does not declare SupportsShouldProcess"));
        Assert.Contains(violations, v => v.Contains("not High"));
    }

    [Fact]
    public void ApplySwitchRequiresConfirmImpactHigh() => Assert.Contains(Violations<ApplyWithLowImpactCmdlet>(), v => v.Contains("ConfirmImpact is Low, not High"));

    [Fact]
    public void ParameterWithoutHelpMessageOrDocsIsReported() =>
        Assert.Contains(Violations<UndocumentedParameterCmdlet>(), v => v.Contains("-Secret has neither a HelpMessage nor a description"));

    [Fact]
    public void ParameterDescribedInMarkdownHelpNeedsNoHelpMessage()
    {
        var help = MarkdownHelpParser.Parse(HelpMarkdownSamples.Documenting("Get-Undocumented", "Secret"), "Get-Undocumented.md");
        Assert.Empty(Violations<UndocumentedParameterCmdlet>(help));
    }

    [Fact]
    public void DocsThatDisagreeWithTheCmdletAreReported()
    {
        var help = MarkdownHelpParser.Parse(HelpMarkdownSamples.Documenting("Get-Undocumented", "Secret", required: true, extraParameter: "Ghost"), "Get-Undocumented.md");
        var violations = Violations<UndocumentedParameterCmdlet>(help);
        Assert.Contains(violations, v => v.Contains("Required: True, the cmdlet says False"));
        Assert.Contains(violations, v => v.Contains("documents -Ghost"));
    }

    [Fact]
    public void DocsWithAnotherPositionOrParameterSetAreReported()
    {
        var markdown = HelpMarkdownSamples.Documenting("Get-Undocumented", "Secret")
            .Replace("Position: Named", "Position: 0")
            .Replace("### __AllParameterSets", "### Other (Default)")
            .Replace("Parameter Sets: (All)", "Parameter Sets: Other");
        var violations = Violations<UndocumentedParameterCmdlet>(MarkdownHelpParser.Parse(markdown, "Get-Undocumented.md"));
        Assert.Contains(violations, v => v.Contains("Position: 0, the cmdlet says Named"));
        Assert.Contains(violations, v => v.Contains("docs put -Secret in (Other), the cmdlet in (All)"));
        Assert.Contains(violations, v => v.Contains("docs SYNTAX lists (Other), the cmdlet has (__AllParameterSets)"));
    }

    [Fact]
    public void CompliantCmdletHasNoViolations() => Assert.Empty(Violations<WellFormedCmdlet>());

    [Fact]
    public void ApprovedVerbListMatchesPowerShellsVerbClassesWithoutThePowerShell6Additions()
    {
        var sma = typeof(System.Management.Automation.VerbsCommon).Assembly;
        var fromPowerShell = sma.GetExportedTypes()
            .Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
            .ToHashSet(StringComparer.Ordinal);
        fromPowerShell.ExceptWith(["Build", "Deploy"]);
        Assert.Equal(fromPowerShell.Order(StringComparer.Ordinal), ApprovedVerbs.All.Order(StringComparer.Ordinal));
    }
}
