using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Reports;

/// <summary>The JSON Schemas of docs/schemas, loaded once each, and a validation that names every error.</summary>
internal static class ReportSchemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Loaded = new();

    public static string PathOf(string shape) => Path.Combine(TestPaths.RepoRoot, "docs", "schemas", shape + ".schema.json");

    private static JsonSchema Load(string shape) =>
        Loaded.GetOrAdd(shape, s => JsonSchema.FromText(File.ReadAllText(PathOf(s)), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

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
