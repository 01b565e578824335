using System.Text.Json;
using Json.Schema;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Reports;

/// <summary>
/// The JSON Schemas of docs/schemas, loaded once, all into one registry (so that intent.schema.json can refer to the path in
/// path.schema.json by its $id), and a validation that names every error.
/// </summary>
internal static class ReportSchemas
{
    private static readonly Lazy<(BuildOptions Options, Dictionary<string, JsonSchema> Schemas)> All = new(LoadAll);

    public static string PathOf(string shape) => Path.Combine(TestPaths.RepoRoot, "docs", "schemas", shape + ".schema.json");

    /// <summary>Every *.schema.json of docs/schemas by shape name.</summary>
    public static IReadOnlyCollection<string> Shapes => All.Value.Schemas.Keys;

    private static (BuildOptions, Dictionary<string, JsonSchema>) LoadAll()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "docs", "schemas"), "*.schema.json").Order(StringComparer.Ordinal))
            schemas[Path.GetFileName(file)[..^".schema.json".Length]] = JsonSchema.FromText(File.ReadAllText(file), options);
        return (options, schemas);
    }

    private static JsonSchema Load(string shape) =>
        All.Value.Schemas.TryGetValue(shape, out var schema) ? schema : throw new FileNotFoundException("no schema for shape " + shape, PathOf(shape));

    /// <summary>The errors of <paramref name="json"/> against the shape's schema ("location: message"), empty when valid.</summary>
    public static List<string> Errors(string shape, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = Load(shape).Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return new List<string>();
        var errors = (result.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors != null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : new List<string> { "invalid" };
    }

    public static void AssertValid(string shape, string json)
    {
        var errors = Errors(shape, json);
        Assert.True(errors.Count == 0, $"{shape}.schema.json: " + string.Join("\n", errors.Take(10)));
    }
}
