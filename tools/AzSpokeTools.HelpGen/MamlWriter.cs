using System.Xml;
using System.Xml.Linq;

namespace AzSpokeTools.HelpGen;

/// <summary>
/// Writes cmdlet help as MAML (the helpItems/command:command schema that Get-Help reads from
/// <c>en-US/&lt;assembly&gt;-Help.xml</c>), the same shape platyPS's New-ExternalHelp produces.
/// </summary>
public static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

    public static XDocument Build(IEnumerable<CmdletHelp> cmdlets)
    {
        var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"));
        foreach (var c in cmdlets.OrderBy(c => c.Name, StringComparer.Ordinal)) root.Add(CommandElement(c));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    public static void Write(IEnumerable<CmdletHelp> cmdlets, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using var writer = XmlWriter.Create(path, settings);
        Build(cmdlets).Save(writer);
    }

    private static XElement CommandElement(CmdletHelp c) =>
        new(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", c.Name),
                new XElement(Command + "verb", c.Verb),
                new XElement(Command + "noun", c.Noun),
                Description(new[] { c.Synopsis })),
            Description(c.Description),
            new XElement(Command + "syntax",
                c.ParameterSets.Select(set => new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", c.Name),
                    c.Parameters.Where(p => p.InSet(set)).Select(p => Parameter(p, set))))),
            new XElement(Command + "parameters", c.Parameters.Select(p => Parameter(p, null))),
            new XElement(Command + "inputTypes", c.Inputs.Select(i => new XElement(Command + "inputType", TypeElement(i.TypeName), Description(i.Description)))),
            new XElement(Command + "returnValues", c.Outputs.Select(o => new XElement(Command + "returnValue", TypeElement(o.TypeName), Description(o.Description)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(c.Notes))),
            new XElement(Command + "examples", c.Examples.Select(e => new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- {e.Title} --------------------------"),
                new XElement(Dev + "code", e.Code),
                new XElement(Dev + "remarks", Paras(e.Remarks))))),
            new XElement(Command + "relatedLinks", RelatedLinks(c).Select(l => new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", l.Text),
                new XElement(Maml + "uri", l.Uri)))));

    /// <summary>
    /// The online version first (Get-Help -Online opens the first link that has a uri, and fails on one that is not an
    /// absolute URI), then the related links; a link between help pages (Get-Thing.md) keeps its text and no uri.
    /// </summary>
    private static IEnumerable<HelpLink> RelatedLinks(CmdletHelp c)
    {
        if (c.OnlineVersion != null && Uri.TryCreate(c.OnlineVersion, UriKind.Absolute, out _))
            yield return new HelpLink("Online Version:", c.OnlineVersion);
        foreach (var l in c.RelatedLinks)
            yield return Uri.TryCreate(l.Uri, UriKind.Absolute, out _) ? l : l with { Uri = "" };
    }

    /// <param name="set">The syntax item's parameter set, or null for the parameters section.</param>
    private static XElement Parameter(HelpParameter p, string? set)
    {
        var pipeline = p.PipelineInput;
        var element = new XElement(Command + "parameter",
            new XAttribute("required", p.Required ? "true" : "false"),
            new XAttribute("variableLength", p.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", p.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", pipeline),
            new XAttribute("position", p.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : p.Position),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(Maml + "name", p.Name),
            Description(p.Description));
        if (!p.IsSwitch || set == null)
            element.Add(new XElement(Command + "parameterValue", new XAttribute("required", p.IsSwitch ? "false" : "true"), new XAttribute("variableLength", "false"), p.Type));
        element.Add(TypeElement(p.Type));
        element.Add(new XElement(Dev + "defaultValue", p.DefaultValue));
        return element;
    }

    private static XElement TypeElement(string name) =>
        new(Dev + "type", new XElement(Maml + "name", name), new XElement(Maml + "uri"));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paras(paragraphs));

    private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", p));
}
