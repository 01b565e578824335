using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// <c>intent --format sarif</c> and <c>readiness --format sarif</c> (and the cmdlets' <c>-OutputFormat Sarif</c>): a SARIF 2.1.0
    /// log (docs/schemas/sarif.schema.json describes the subset written) that GitHub code scanning and the Azure DevOps SARIF viewer
    /// show as alerts, in the manner of PSRule: one run whose <c>tool.driver.rules</c> lists every rule evaluated, and one result per
    /// finding that did not pass, with its <c>ruleId</c> (and <c>ruleIndex</c>), <c>level</c>, <c>message</c> and locations: the Azure
    /// resource ids as logical locations, and the file the check read (intent file, snapshot) as the physical location, relative to
    /// the working directory, which is how code scanning ties an alert to the repository. Passing rules have no result.
    /// <c>partialFingerprints</c> identify a result across runs by rule and resources. Deterministic for one input.
    /// </summary>
    public static class SarifLogWriter
    {
        /// <summary>The SARIF version written.</summary>
        public const string Version = "2.1.0";
        /// <summary>The SARIF 2.1.0 JSON Schema the log declares.</summary>
        public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
        /// <summary>The base id of artifact URIs relative to the working directory (the checkout, in a pipeline).</summary>
        public const string SourceRoot = "%SRCROOT%";

        /// <summary>The intent check; <paramref name="intentFile"/> is the intent file read, relative to <paramref name="baseDirectory"/>.</summary>
        public static string Render(IntentReport report, string? intentFile, string? baseDirectory) =>
            Render(IntentChecks.From(report, intentFile, baseDirectory));

        /// <summary>The readiness check; <paramref name="snapshotFile"/> is the snapshot read (null or sample:NAME: no physical location).</summary>
        public static string Render(ReadinessReport report, string? snapshotFile, string? baseDirectory) =>
            Render(ReadinessChecks.From(report, snapshotFile, baseDirectory));

        internal static string Render(CheckRun run) => ReportJson.Document(w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", Version);
            w.WriteStartArray("runs");
            w.WriteStartObject();
            Tool(w, run);
            w.WriteStartObject("automationDetails");
            w.WriteString("id", "azspoke/" + run.Name + "/");
            w.WriteEndObject();
            var artifact = ArtifactUri(run.Artifact, run.BaseDirectory);
            w.WriteStartArray("results");
            for (int i = 0; i < run.Rules.Count; i++)
                foreach (var result in run.Rules[i].Results) Result(w, run.Rules[i], i, result, artifact);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });

        private static void Tool(Utf8JsonWriter w, CheckRun run)
        {
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "AzSpokeTools");
            w.WriteString("semanticVersion", ToolVersion);
            w.WriteString("informationUri", "https://github.com/azspoketools/AzSpokeTools");
            w.WriteStartArray("rules");
            foreach (var rule in run.Rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Id);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Title);
                w.WriteEndObject();
                w.WriteStartObject("fullDescription");
                w.WriteString("text", rule.Description);
                w.WriteEndObject();
                w.WriteString("helpUri", rule.HelpUri);
                if (rule.DefaultLevel is CheckLevel level)
                {
                    w.WriteStartObject("defaultConfiguration");
                    w.WriteString("level", Level(level));
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static void Result(Utf8JsonWriter w, CheckRule rule, int ruleIndex, CheckResult result, string? artifact)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", rule.Id);
            w.WriteNumber("ruleIndex", ruleIndex);
            w.WriteString("kind", "fail");
            w.WriteString("level", Level(result.Level));
            w.WriteStartObject("message");
            w.WriteString("text", result.Message);
            w.WriteEndObject();
            if (artifact != null || result.ResourceIds.Count > 0)
            {
                w.WriteStartArray("locations");
                w.WriteStartObject();
                if (artifact != null)
                {
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", artifact);
                    if (!artifact.StartsWith("file:", StringComparison.Ordinal)) w.WriteString("uriBaseId", SourceRoot);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                if (result.ResourceIds.Count > 0)
                {
                    w.WriteStartArray("logicalLocations");
                    foreach (var id in result.ResourceIds)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", id.Substring(id.LastIndexOf('/') + 1));
                        w.WriteString("fullyQualifiedName", id);
                        w.WriteString("kind", "resource");
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteStartObject("partialFingerprints");
            w.WriteString("azspokeResult/v1", Fingerprint(rule.Id, result));
            w.WriteEndObject();
            if (result.Evidence.Count > 0)
            {
                w.WriteStartObject("properties");
                w.WriteStartObject("evidence");
                foreach (var kv in result.Evidence) w.WriteString(kv.Key, kv.Value);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }

        private static string Level(CheckLevel level) => level switch
        {
            CheckLevel.Error => "error",
            CheckLevel.Warning => "warning",
            _ => "note",
        };

        /// <summary>The same rule on the same resources is the same alert in the next run, whatever its message says then.</summary>
        private static string Fingerprint(string ruleId, CheckResult result)
        {
            var key = ruleId + "\n" + (result.ResourceIds.Count > 0 ? string.Join("\n", result.ResourceIds).ToLowerInvariant() : result.Message);
            using var sha = SHA256.Create();
            return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(key)).Take(16).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        /// <summary>The engine's version (major.minor.patch), as the SARIF driver's semanticVersion.</summary>
        internal static string ToolVersion
        {
            get
            {
                var v = typeof(SarifLogWriter).Assembly.GetName().Version ?? new Version(0, 0, 0);
                return $"{v.Major}.{v.Minor}.{Math.Max(0, v.Build)}";
            }
        }

        /// <summary>
        /// The artifact URI of a file: the relative path (<see cref="CheckRun.RelativePath"/>) with escaped segments, resolved against
        /// <see cref="SourceRoot"/>, or an absolute file URI for a file outside the working directory; null for no file or a sample.
        /// </summary>
        internal static string? ArtifactUri(string? file, string? baseDirectory)
        {
            var path = CheckRun.RelativePath(file, baseDirectory);
            if (path == null) return null;
            return Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
        }
    }
}
