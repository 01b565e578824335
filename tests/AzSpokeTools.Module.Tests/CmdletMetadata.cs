using System.Reflection;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// What PowerShell reads from a cmdlet class's attributes, read here from a MetadataLoadContext (the
/// assembly is inspected, never executed) through CustomAttributeData.
/// </summary>
internal sealed record CmdletMetadata(
    Type Type,
    string Verb,
    string Noun,
    string? DefaultParameterSetName,
    bool SupportsShouldProcess,
    string? ConfirmImpact,
    IReadOnlyList<Type> OutputTypes,
    IReadOnlyList<ParameterMetadata> Parameters)
{
    public const string AllParameterSets = "__AllParameterSets";

    public string Name => Verb + "-" + Noun;

    /// <summary>Every parameter set name the cmdlet declares (not "__AllParameterSets").</summary>
    public IReadOnlyList<string> NamedParameterSets =>
        Parameters.SelectMany(p => p.Sets).Select(s => s.Name).Where(n => n != AllParameterSets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static IReadOnlyList<CmdletMetadata> ReadAll(Assembly assembly) =>
        assembly.GetTypes().Select(TryRead).OfType<CmdletMetadata>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    public static CmdletMetadata? TryRead(Type type)
    {
        var cmdlet = type.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute");
        if (cmdlet == null) return null;
        var outputs = type.CustomAttributes
            .Where(a => a.AttributeType.FullName == "System.Management.Automation.OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
            .OfType<Type>()
            .ToList();
        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(ParameterMetadata.TryRead).OfType<ParameterMetadata>().ToList();
        return new CmdletMetadata(
            type,
            (string)cmdlet.ConstructorArguments[0].Value!,
            (string)cmdlet.ConstructorArguments[1].Value!,
            Named<string>(cmdlet, "DefaultParameterSetName"),
            Named<bool>(cmdlet, "SupportsShouldProcess"),
            cmdlet.NamedArguments.Where(n => n.MemberName == "ConfirmImpact").Select(n => ConfirmImpactName((int)n.TypedValue.Value!)).FirstOrDefault(),
            outputs,
            parameters);
    }

    internal static T? Named<T>(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => (T?)n.TypedValue.Value).FirstOrDefault();

    // System.Management.Automation.ConfirmImpact values.
    private static string ConfirmImpactName(int value) => value switch { 0 => "None", 1 => "Low", 2 => "Medium", 3 => "High", _ => value.ToString() };
}

/// <summary>One [Parameter] property: its type, aliases and one entry per [Parameter] attribute (parameter set).</summary>
internal sealed record ParameterMetadata(string Name, Type Type, IReadOnlyList<string> Aliases, IReadOnlyList<ParameterSetEntry> Sets)
{
    public bool IsSwitch => Type.FullName == "System.Management.Automation.SwitchParameter";

    public bool InSet(string set) => Sets.Any(s => s.Name == CmdletMetadata.AllParameterSets || string.Equals(s.Name, set, StringComparison.OrdinalIgnoreCase));

    public ParameterSetEntry? EntryFor(string set) =>
        Sets.FirstOrDefault(s => string.Equals(s.Name, set, StringComparison.OrdinalIgnoreCase))
        ?? Sets.FirstOrDefault(s => s.Name == CmdletMetadata.AllParameterSets);

    public static ParameterMetadata? TryRead(PropertyInfo property)
    {
        var entries = property.CustomAttributes
            .Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute")
            .Select(a => new ParameterSetEntry(
                CmdletMetadata.Named<string>(a, "ParameterSetName") ?? CmdletMetadata.AllParameterSets,
                CmdletMetadata.Named<bool>(a, "Mandatory"),
                a.NamedArguments.Any(n => n.MemberName == "Position") ? CmdletMetadata.Named<int>(a, "Position") : null,
                CmdletMetadata.Named<bool>(a, "ValueFromPipeline"),
                CmdletMetadata.Named<bool>(a, "ValueFromPipelineByPropertyName"),
                CmdletMetadata.Named<string>(a, "HelpMessage")))
            .ToList();
        if (entries.Count == 0) return null;
        var aliases = property.CustomAttributes
            .Where(a => a.AttributeType.FullName == "System.Management.Automation.AliasAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => (string)m.Value!) : new[] { (string)arg.Value! })
            .ToList();
        return new ParameterMetadata(property.Name, property.PropertyType, aliases, entries);
    }
}

internal sealed record ParameterSetEntry(string Name, bool Mandatory, int? Position, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName, string? HelpMessage);
