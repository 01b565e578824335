using System.Xml.Linq;
using AzSpokeTools.HelpGen;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>Markdown help to MAML, and the errors for help that is incomplete.</summary>
public sealed class HelpGenTests
{
    private static readonly XNamespace Command = MamlWriter.Command;
    private static readonly XNamespace Maml = MamlWriter.Maml;
    private static readonly XNamespace Dev = MamlWriter.Dev;

    [Fact]
    public void MarkdownBecomesAMamlCommandWithSynopsisParametersAndExamples()
    {
        var help = MarkdownHelpParser.Parse(HelpMarkdownSamples.Documenting("Get-Thing", "Name", required: true), "Get-Thing.md");
        var maml = MamlWriter.Build([help]);

        Assert.Equal("helpItems", maml.Root!.Name.LocalName);
        Assert.Equal("http://msh", maml.Root.Name.NamespaceName);
        Assert.Equal("maml", maml.Root.Attribute("schema")!.Value);
        var command = Assert.Single(maml.Root.Elements(Command + "command"));
        var details = command.Element(Command + "details")!;
        Assert.Equal("Get-Thing", details.Element(Command + "name")!.Value);
        Assert.Equal("Get", details.Element(Command + "verb")!.Value);
        Assert.Equal("Thing", details.Element(Command + "noun")!.Value);
        Assert.Equal("Does one thing.", details.Element(Maml + "description")!.Element(Maml + "para")!.Value);
        Assert.Equal(2, command.Element(Maml + "description")!.Elements(Maml + "para").Count());

        var parameter = Assert.Single(command.Element(Command + "parameters")!.Elements(Command + "parameter"));
        Assert.Equal("Name", parameter.Element(Maml + "name")!.Value);
        Assert.Equal("true", parameter.Attribute("required")!.Value);
        Assert.Equal("named", parameter.Attribute("position")!.Value);
        Assert.Equal("What -Name means.", parameter.Element(Maml + "description")!.Element(Maml + "para")!.Value);
        Assert.Equal("String", parameter.Element(Dev + "type")!.Element(Maml + "name")!.Value);

        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Contains("Example 1: run it", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal("PS> Get-Thing -Name x1", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal("Runs the command with value x1.", examples[0].Element(Dev + "remarks")!.Element(Maml + "para")!.Value);

        Assert.Equal("System.String", command.Element(Command + "inputTypes")!.Element(Command + "inputType")!.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("about_AzSpokeTools", command.Element(Command + "relatedLinks")!.Element(Maml + "navigationLink")!.Element(Maml + "linkText")!.Value);
    }

    [Fact]
    public void SyntaxHasOneItemPerParameterSetWithThatSetsParameters()
    {
        var markdown = HelpMarkdownSamples.Documenting("Get-Thing", "Name")
            .Replace("### __AllParameterSets\n```\nGet-Thing [-Name <String>] [<CommonParameters>]\n```",
                     "### ByName (Default)\n```\nGet-Thing -Name <String>\n```\n\n### ById\n```\nGet-Thing -Id <String>\n```")
            .Replace("Parameter Sets: (All)", "Parameter Sets: ByName");
        var help = MarkdownHelpParser.Parse(markdown, "Get-Thing.md");
        Assert.Equal(["ByName", "ById"], help.ParameterSets);
        Assert.Equal("ByName", help.DefaultParameterSet);
        var items = MamlWriter.Build([help]).Descendants(Command + "syntaxItem").ToList();
        Assert.Equal(2, items.Count);
        Assert.Single(items[0].Elements(Command + "parameter"));
        Assert.Empty(items[1].Elements(Command + "parameter"));
    }

    [Fact]
    public void MissingSynopsisIsAnErrorNamingTheFileAndSection()
    {
        var markdown = HelpMarkdownSamples.Documenting("Get-Thing", "Name").Replace("## SYNOPSIS\nDoes one thing.\n", "");
        var e = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(markdown, "Get-Thing.md"));
        Assert.Equal("Get-Thing.md: missing section '## SYNOPSIS'.", e.Message);
    }

    [Fact]
    public void FewerThanTwoExamplesIsAnError()
    {
        var e = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(HelpMarkdownSamples.Documenting("Get-Thing", "Name", examples: 1), "Get-Thing.md"));
        Assert.Contains("at least 2 are required", e.Message);
    }

    [Fact]
    public void ParameterWithoutDescriptionIsAnError()
    {
        var markdown = HelpMarkdownSamples.Documenting("Get-Thing", "Name").Replace("What -Name means.", "");
        var e = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(markdown, "Get-Thing.md"));
        Assert.Equal("Get-Thing.md: parameter -Name has no description.", e.Message);
    }

    [Fact]
    public void ParameterInAnUndeclaredSetIsAnError()
    {
        var markdown = HelpMarkdownSamples.Documenting("Get-Thing", "Name").Replace("Parameter Sets: (All)", "Parameter Sets: Elsewhere");
        var e = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(markdown, "Get-Thing.md"));
        Assert.Contains("parameter set 'Elsewhere' that SYNTAX does not list", e.Message);
    }

    [Fact]
    public void FileMustBeNamedAfterTheCmdlet()
    {
        var e = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(HelpMarkdownSamples.Documenting("Get-Thing", "Name"), "Get-Other.md"));
        Assert.Contains("must be in Get-Thing.md", e.Message);
    }

    [Fact]
    public void ToolExitsWithTwoAndNamesTheFileOnBadHelp()
    {
        var dir = Directory.CreateTempSubdirectory("helpgen-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Get-Thing.md"), HelpMarkdownSamples.Documenting("Get-Thing", "Name", examples: 1));
            var error = new StringWriter();
            var previous = Console.Error;
            Console.SetError(error);
            int rc;
            try { rc = Program.Main(["help", "--docs", dir, "--out", Path.Combine(dir, "out.xml")]); }
            finally { Console.SetError(previous); }
            Assert.Equal(2, rc);
            Assert.Contains("Get-Thing.md", error.ToString());
            Assert.False(File.Exists(Path.Combine(dir, "out.xml")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void FolderHelpIsTheCmdletHelpFilesAndOtherMarkdownIsLeftAlone()
    {
        var dir = Directory.CreateTempSubdirectory("helpgen-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Get-Thing.md"), HelpMarkdownSamples.Documenting("Get-Thing", "Name"));
            File.WriteAllText(Path.Combine(dir, "paths-and-intent.md"), "# Paths, the all-pairs matrix and intent\n\nA guide, not cmdlet help.\n");
            File.WriteAllText(Path.Combine(dir, "README-PowerShell.md"), "---\ntitle: x\n---\n# PowerShell\n");
            Assert.Equal(["Get-Thing"], MarkdownHelpParser.ParseFolder(dir).Select(h => h.Name));
            File.WriteAllText(Path.Combine(dir, "Get-Broken.md"), HelpMarkdownSamples.Documenting("Get-Broken", "Name", examples: 1));
            Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.ParseFolder(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
