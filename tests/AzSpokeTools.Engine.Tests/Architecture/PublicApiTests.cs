using System.Reflection;
using System.Text;
using AzSpokeTools.Engine.Model;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Architecture;

/// <summary>
/// The engine's public surface — what the cmdlets, the CLI and the live layer may use — is listed in PublicApi.txt.
/// A change to it is deliberate: the test fails with the difference, and the new listing is written next to the test
/// assembly (PublicApi.actual.txt) to copy over when the change is intended.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string Golden = Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Architecture", "PublicApi.txt");

    [Fact]
    public void ThePublicSurfaceIsTheListedOne()
    {
        var actual = PublicApiListing.Of(typeof(Topology).Assembly);
        var expected = File.Exists(Golden) ? File.ReadAllLines(Golden) : Array.Empty<string>();
        var written = Path.Combine(AppContext.BaseDirectory, "PublicApi.actual.txt");
        File.WriteAllLines(written, actual);
        var added = actual.Except(expected, StringComparer.Ordinal).ToList();
        var removed = expected.Except(actual, StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            $"The engine's public surface changed (new listing: {written}).\n" +
            string.Join("\n", added.Take(40).Select(l => "+ " + l).Concat(removed.Take(40).Select(l => "- " + l))));
    }

    [Fact]
    public void TopologyExposesNoMutableCollection()
    {
        var mutable = typeof(Topology).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType &&
                        (p.PropertyType.GetGenericTypeDefinition() == typeof(List<>) || p.PropertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>)))
            .Select(p => p.Name).ToList();
        Assert.Empty(mutable);
        Assert.Contains(PublicApiListing.Of(typeof(Topology).Assembly),
            l => l == "P AzSpokeTools.Engine.Model.Topology.VirtualNetworks : IReadOnlyList<AzSpokeTools.Engine.Model.VirtualNetwork> { get; }");
    }
}

/// <summary>One sorted line per public type and public or protected member of an assembly.</summary>
internal static class PublicApiListing
{
    public static string[] Of(Assembly assembly)
    {
        var lines = new List<string>();
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetExportedTypes())
        {
            var name = Name(type);
            lines.Add($"T {Kind(type)} {name}{Base(type)}");
            if (type.IsEnum)
            {
                foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static)) lines.Add($"F {name}.{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}");
                continue;
            }
            foreach (var m in type.GetMembers(All))
            {
                switch (m)
                {
                    case ConstructorInfo c when Visible(c):
                        lines.Add($"C {name}({Parameters(c)})");
                        break;
                    case MethodInfo mi when Visible(mi) && !mi.IsSpecialName:
                        lines.Add($"M {name}.{mi.Name}{Generic(mi)}({Parameters(mi)}) : {Name(mi.ReturnType)}{(mi.IsStatic ? " static" : "")}");
                        break;
                    case PropertyInfo p when Visible(p.GetMethod) || Visible(p.SetMethod):
                        var accessors = (Visible(p.GetMethod) ? "get; " : "") + (Visible(p.SetMethod) ? (p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") ? "init; " : "set; ") : "");
                        lines.Add($"P {name}.{p.Name}{Indexer(p)} : {Name(p.PropertyType)} {{ {accessors}}}");
                        break;
                    case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                        lines.Add($"F {name}.{f.Name} : {Name(f.FieldType)}{(f.IsLiteral ? " const" : f.IsInitOnly ? " readonly" : "")}{(f.IsStatic && !f.IsLiteral ? " static" : "")}");
                        break;
                    case EventInfo e when Visible(e.AddMethod):
                        lines.Add($"E {name}.{e.Name} : {Name(e.EventHandlerType!)}");
                        break;
                }
            }
        }
        return lines.Distinct().OrderBy(l => l, StringComparer.Ordinal).ToArray();
    }

    private static bool Visible(MethodBase? m) => m != null && (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly);

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" :
        t.IsAbstract && t.IsSealed ? "static class" : t.IsAbstract ? "abstract class" : t.IsSealed ? "sealed class" : "class";

    private static string Base(Type t)
    {
        var parts = new List<string>();
        if (t.BaseType != null && t.BaseType != typeof(object) && t.BaseType != typeof(ValueType) && t.BaseType != typeof(Enum)) parts.Add(Name(t.BaseType));
        parts.AddRange(t.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).OrderBy(n => n, StringComparer.Ordinal));
        return parts.Count == 0 ? "" : " : " + string.Join(", ", parts);
    }

    private static string Generic(MethodInfo m) => m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Indexer(PropertyInfo p)
    {
        var ps = p.GetIndexParameters();
        return ps.Length == 0 ? "" : "[" + string.Join(", ", ps.Select(x => Name(x.ParameterType))) + "]";
    }

    private static string Parameters(MethodBase m) =>
        string.Join(", ", m.GetParameters().Select(p => (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "") + Name(p.ParameterType) + (p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")));

    private static string Name(Type t)
    {
        if (t.IsByRef) return Name(t.GetElementType()!);
        if (t.IsArray) return Name(t.GetElementType()!) + "[" + new string(',', t.GetArrayRank() - 1) + "]";
        if (t.IsGenericParameter) return t.Name;
        var nullable = Nullable.GetUnderlyingType(t);
        if (nullable != null) return Name(nullable) + "?";
        var baseName = t.IsNested ? Name(t.DeclaringType!) + "." + t.Name : (t.Namespace is "System" or "System.Collections.Generic" ? "" : t.Namespace + ".") + t.Name;
        if (!t.IsGenericType) return baseName;
        var sb = new StringBuilder(baseName[..baseName.IndexOf('`')]);
        sb.Append('<').Append(string.Join(", ", t.GetGenericArguments().Select(Name))).Append('>');
        return sb.ToString();
    }
}
