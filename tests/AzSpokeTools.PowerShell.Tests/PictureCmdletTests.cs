using System.Management.Automation;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>Export-SpokeDiagram and Export-SpokeReport bound and run by PowerShell: piped paths, formats, -WhatIf, errors.</summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class PictureCmdletTests(ModuleSession session)
{
    private string Out(string name)
    {
        var path = Path.Combine(session.WorkDirectory, name);
        if (File.Exists(path)) File.Delete(path);
        return path;
    }

    [Fact]
    public void PipedPathIsDrawnInItsOwnTopologyWithoutNamingTheSnapshot()
    {
        var path = Out("piped.svg");
        var file = Assert.Single(session.Run($"Get-SpokeEffectivePath -Snapshot sample:contoso-hairpin -Source spoke-a1 -Destination spoke-b1 | Export-SpokeDiagram -OutputPath '{path}'"));
        Assert.Equal(path, Assert.IsType<FileInfo>(file.BaseObject).FullName);
        var svg = File.ReadAllText(path);
        Assert.StartsWith("<svg", svg);
        Assert.Contains("kind ExpressRouteHairpin", svg);
        Assert.Contains("data-forward-step=\"4\"", svg);
    }

    [Fact]
    public void FormatFollowsTheExtensionOrTheFormatParameter()
    {
        var mmd = Out("topology.mmd");
        var dot = Out("topology.txt");
        session.Run($"Export-SpokeDiagram -Snapshot sample:hub-firewall -OutputPath '{mmd}'; Export-SpokeDiagram -Snapshot sample:hub-firewall -OutputPath '{dot}' -Format Dot -Source spoke1 -Destination spoke2");
        Assert.StartsWith("flowchart TB", File.ReadAllText(mmd));
        Assert.StartsWith("digraph azspoke", File.ReadAllText(dot));
    }

    [Fact]
    public void WhatIfWritesNoFile()
    {
        var path = Out("whatif.html");
        var (output, shell) = session.Invoke($"Export-SpokeDiagram -Snapshot sample:hub-firewall -OutputPath '{path}' -WhatIf; Export-SpokeReport -Snapshot sample:hub-firewall -OutputPath '{path}' -WhatIf");
        using (shell)
        {
            Assert.Empty(output);
            Assert.Empty(shell.Streams.Error);
            Assert.False(File.Exists(path));
        }
        Assert.Contains("What if: Performing the operation \"Write the", session.Host.Text);
    }

    [Fact]
    public void UnknownExtensionIsInvalidFormatAndWritesNothing()
    {
        var path = Out("picture.png");
        var (output, shell) = session.Invoke($"Export-SpokeDiagram -Snapshot sample:hub-firewall -OutputPath '{path}'");
        using (shell)
        {
            Assert.Empty(output);
            var error = Assert.Single(shell.Streams.Error);
            Assert.StartsWith("InvalidFormat,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ReportOfAnImportedTopologyWithAMissingPlanFolderIsInvalidPlan()
    {
        var path = Out("report.html");
        var file = Assert.Single(session.Run($"Import-SpokeTopology sample:contoso-hairpin | Export-SpokeReport -OutputPath '{path}'"));
        Assert.IsType<FileInfo>(file.BaseObject);
        var html = File.ReadAllText(path);
        Assert.Contains("<script type=\"application/json\" id=\"report-data\">", html);
        var (_, shell) = session.Invoke($"Export-SpokeReport -Snapshot sample:contoso-hairpin -OutputPath '{Out("report2.html")}' -Plan '{Path.Combine(session.WorkDirectory, "no-such-plan")}'");
        using (shell) Assert.StartsWith("InvalidPlan,", Assert.Single(shell.Streams.Error).FullyQualifiedErrorId);
    }
}
