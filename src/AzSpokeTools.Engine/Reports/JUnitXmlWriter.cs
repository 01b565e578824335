using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// <c>intent --format junit</c> and <c>readiness --format junit</c> (and the cmdlets' <c>-OutputFormat JUnit</c>): JUnit XML
    /// (docs/schemas/junit.xsd, the Ant/Jenkins format that Azure DevOps' Publish Test Results and GitHub test reporters read).
    /// One test suite; one test case per rule evaluated (classname <c>azspoke.intent</c> or <c>azspoke.readiness</c>); a rule that
    /// fails the gate has a <c>failure</c> whose message is the rule's summary and whose text lists every result (for intent, the
    /// example failing pairs with their reasons; for readiness, each finding with its fix); warnings and notes of a passing rule are
    /// its <c>system-out</c>. Text from the snapshot is escaped as everywhere (<see cref="SafeText"/>), so it is always valid XML.
    /// </summary>
    public static class JUnitXmlWriter
    {
        /// <summary>The intent check; <paramref name="intentFile"/> (the file read) is named relative to <paramref name="baseDirectory"/>.</summary>
        public static string Render(IntentReport report, string? intentFile, string? baseDirectory) => Render(IntentChecks.From(report, intentFile, baseDirectory));

        /// <summary>The readiness check; <paramref name="snapshotFile"/> (the snapshot read) is named relative to <paramref name="baseDirectory"/>.</summary>
        public static string Render(ReadinessReport report, string? snapshotFile, string? baseDirectory) => Render(ReadinessChecks.From(report, snapshotFile, baseDirectory));

        internal static string Render(CheckRun run)
        {
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(false),
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
            };
            using var stream = new MemoryStream();
            using (var x = XmlWriter.Create(stream, settings))
            {
                int tests = run.Rules.Count, failures = run.Rules.Count(r => r.Failed);
                // Durations are not measured: the same input gives the same bytes (from the CLI and the cmdlets alike).
                const string time = "0.000";
                x.WriteStartDocument();
                x.WriteStartElement("testsuites");
                Counts(x, run.Title, tests, failures, time);
                x.WriteStartElement("testsuite");
                Counts(x, run.Title, tests, failures, time);
                if ((CheckRun.RelativePath(run.Artifact, run.BaseDirectory) ?? run.Artifact) is string input)
                {
                    x.WriteStartElement("properties");
                    x.WriteStartElement("property");
                    x.WriteAttributeString("name", "input");
                    x.WriteAttributeString("value", Text(input));
                    x.WriteEndElement();
                    x.WriteEndElement();
                }
                foreach (var rule in run.Rules)
                {
                    x.WriteStartElement("testcase");
                    x.WriteAttributeString("classname", "azspoke." + run.Name);
                    x.WriteAttributeString("name", Text(rule.Id + ": " + rule.Title));
                    x.WriteAttributeString("time", time);
                    var lines = string.Join("\n", rule.Results.Select(r => $"{r.Level.ToString().ToLowerInvariant()}: {r.Message}" +
                                                                             (r.ResourceIds.Count > 0 ? $" ({string.Join(", ", r.ResourceIds)})" : "")));
                    if (rule.Failed)
                    {
                        x.WriteStartElement("failure");
                        x.WriteAttributeString("message", Text(rule.Summary ?? rule.Title));
                        x.WriteAttributeString("type", Text(run.Name + "." + rule.Id));
                        x.WriteString(Lines(lines));
                        x.WriteEndElement();
                    }
                    else if (rule.Results.Count > 0) x.WriteElementString("system-out", Lines(lines));
                    x.WriteEndElement();
                }
                x.WriteEndElement();
                x.WriteEndElement();
                x.WriteEndDocument();
            }
            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void Counts(XmlWriter x, string name, int tests, int failures, string time)
        {
            x.WriteAttributeString("name", name);
            x.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("errors", "0");
            x.WriteAttributeString("skipped", "0");
            x.WriteAttributeString("time", time);
        }

        private static string Text(string s) => SafeText.Escape(s);

        private static string Lines(string s) => SafeText.EscapeKeepingLines(s);
    }
}
