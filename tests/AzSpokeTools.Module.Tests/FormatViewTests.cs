using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>Every view in module/*.Format.ps1xml formats a real type of the module through real properties.</summary>
public sealed partial class FormatViewTests : IDisposable
{
    private readonly InspectedAssemblies _inspected = new();

    public void Dispose() => _inspected.Dispose();

    public static TheoryData<string> Views()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.ModuleSources, "*.Format.ps1xml"))
            foreach (var view in XDocument.Load(file).Descendants("View"))
                data.Add(Path.GetFileName(file) + "|" + view.Element("Name")!.Value);
        return data;
    }

    private static XElement View(string key)
    {
        var (file, name) = (key.Split('|')[0], key.Split('|')[1]);
        return XDocument.Load(Path.Combine(RepositoryPaths.ModuleSources, file)).Descendants("View").Single(v => v.Element("Name")!.Value == name);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void ViewNamesARealTypeAndRealProperties(string key)
    {
        var problems = Problems(View(key)).ToList();
        Assert.True(problems.Count == 0, key + ": " + string.Join("; ", problems));
    }

    [Fact]
    public void ViewCheckReportsAMissingTypeAndAMissingProperty()
    {
        var view = XElement.Parse("""
            <View><Name>Bad</Name>
              <ViewSelectedBy><TypeName>AzSpokeTools.Engine.Model.EffectiveRoute</TypeName><TypeName>AzSpokeTools.Nope</TypeName></ViewSelectedBy>
              <TableControl><TableHeaders><TableColumnHeader /><TableColumnHeader /></TableHeaders><TableRowEntries><TableRowEntry><TableColumnItems>
                <TableColumnItem><ScriptBlock>$_.NextHopTypo</ScriptBlock></TableColumnItem>
                <TableColumnItem><ScriptBlock>$_.Compute()</ScriptBlock></TableColumnItem>
              </TableColumnItems></TableRowEntry></TableRowEntries></TableControl>
            </View>
            """);
        var problems = Problems(view).ToList();
        Assert.Contains("type AzSpokeTools.Nope is not in the module's assemblies", problems);
        Assert.Contains("AzSpokeTools.Engine.Model.EffectiveRoute has no property NextHopTypo", problems);
        Assert.Contains("AzSpokeTools.Engine.Model.EffectiveRoute has no method Compute", problems);
    }

    private IEnumerable<string> Problems(XElement view)
    {
        var typeNames = view.Element("ViewSelectedBy")?.Elements("TypeName").Select(t => t.Value.Trim()).ToList() ?? [];
        if (typeNames.Count == 0) yield return "the view selects no type";
        foreach (var typeName in typeNames)
        {
            var type = _inspected.FindType(typeName);
            if (type == null)
            {
                yield return $"type {typeName} is not in the module's assemblies";
                continue;
            }
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var property in ReferencedProperties(view).Where(p => !properties.Contains(p)))
                yield return $"{typeName} has no property {property}";
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var method in ReferencedMethods(view).Where(m => !methods.Contains(m)))
                yield return $"{typeName} has no method {method}";
        }
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void TableHeadersMatchColumnCount(string key)
    {
        var table = View(key).Element("TableControl");
        if (table == null) return;
        var headers = table.Element("TableHeaders")!.Elements("TableColumnHeader").Count();
        foreach (var row in table.Descendants("TableColumnItems"))
            Assert.Equal(headers, row.Elements("TableColumnItem").Count());
    }

    [Fact]
    public void EffectiveRouteViewHasTheColumnsOfGetAzEffectiveRouteTable()
    {
        var view = XDocument.Load(Path.Combine(RepositoryPaths.ModuleSources, "AzSpokeTools.Format.ps1xml")).Descendants("View")
            .Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == "AzSpokeTools.Routes.SpokeEffectiveRoute" && v.Element("Name")!.Value == "EffectiveRoute");
        var labels = view.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value).ToList();
        Assert.Equal(["Name", "State", "Source", "AddressPrefix", "NextHopType", "NextHopIpAddress"], labels);
    }

    /// <summary>PropertyName elements and $_.Name references (not calls) inside ScriptBlock elements.</summary>
    internal static IEnumerable<string> ReferencedProperties(XElement view) =>
        view.Descendants("PropertyName").Select(p => p.Value.Trim())
            .Concat(MemberReferences(view).Where(m => !m.Call).Select(m => m.Name))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>$_.Name( calls inside ScriptBlock elements.</summary>
    internal static IEnumerable<string> ReferencedMethods(XElement view) =>
        MemberReferences(view).Where(m => m.Call).Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<(string Name, bool Call)> MemberReferences(XElement view) =>
        view.Descendants("ScriptBlock").SelectMany(s => DollarUnderscoreMember().Matches(s.Value).Select(m => (m.Groups["name"].Value, m.Groups["call"].Success)));

    [GeneratedRegex(@"\$_\.(?<name>(?>[A-Za-z_][A-Za-z0-9_]*))(?<call>\()?")]
    private static partial Regex DollarUnderscoreMember();
}
