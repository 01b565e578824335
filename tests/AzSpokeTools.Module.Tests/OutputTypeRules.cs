using System.Reflection;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// What a cmdlet's result object may expose so that ConvertTo-Json, Export-Csv and Select-Object show what the
/// user sees: strings, Booleans and numbers; the module's <c>DelimitedList</c>/<c>DelimitedMap</c> (arrays and
/// objects in JSON, <c>a;b</c> in CSV); and other result classes of the module that follow the same rule. Never an
/// enum (ConvertTo-Json writes its number), a struct (serialised as its fields, e.g. a prefix's High/Low/Bits) or
/// another collection (Export-Csv writes its type name).
/// </summary>
internal static class OutputTypeRules
{
    /// <summary>Output types that are handles rather than reports, and why they are exempt.</summary>
    public static readonly IReadOnlyDictionary<string, string> Exempt = new Dictionary<string, string>
    {
        ["AzSpokeTools.Engine.Model.Topology"] = "the loaded model passed to -Topology; Export-SpokeTopology writes its serialised form",
        ["System.Boolean"] = "a single value (-Quiet)",
        ["System.String"] = "one document (-AsJson, -OutputFormat Sarif|JUnit): the text the CLI prints, written by Engine/Reports",
        ["System.IO.FileInfo"] = "the file written (Export-SpokeDiagram, Export-SpokeReport), as New-Item and Out-File -PassThru return it",
    };

    private static readonly HashSet<string> Scalars = ["System.String", "System.Boolean", "System.Int32", "System.Int64", "System.Double"];

    public static IEnumerable<string> Problems(Type type) => Problems(type, new HashSet<Type>(), type.FullName!);

    private static IEnumerable<string> Problems(Type type, HashSet<Type> seen, string path)
    {
        if (!seen.Add(type)) yield break;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var where = $"{path}.{property.Name}";
            var t = property.PropertyType;
            if (t.IsGenericType && t.GetGenericTypeDefinition().FullName == "System.Nullable`1") t = t.GetGenericArguments()[0];
            if (Scalars.Contains(t.FullName!)) continue;
            if (t.IsEnum) { yield return $"{where} is the enum {t.Name}: ConvertTo-Json writes its number; expose its name as a string"; continue; }
            if (t.IsValueType) { yield return $"{where} is the struct {t.Name}: serialised as its fields; expose it as a string"; continue; }
            if (t.IsGenericType && t.GetGenericTypeDefinition().FullName is "AzSpokeTools.Output.DelimitedList`1" or "AzSpokeTools.Output.DelimitedMap`1")
            {
                var item = t.GetGenericArguments()[0];
                if (Scalars.Contains(item.FullName!)) continue;
                foreach (var p in Problems(item, seen, where + "[]")) yield return p;
                continue;
            }
            if (t.Assembly.GetName().Name == "AzSpokeTools" && t.IsClass && t.Namespace != "AzSpokeTools.Cmdlets")
            {
                foreach (var p in Problems(t, seen, where)) yield return p;
                continue;
            }
            yield return $"{where} is {t.FullName}: not a string, number, Boolean, DelimitedList, DelimitedMap or module result class";
        }
    }
}
