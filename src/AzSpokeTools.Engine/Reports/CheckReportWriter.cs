using System;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// The pipeline formats of the two checks by name, as <c>--format sarif|junit</c> (CLI) and <c>-OutputFormat Sarif|JUnit</c>
    /// (cmdlets) choose them: <see cref="SarifLogWriter"/> or <see cref="JUnitXmlWriter"/>.
    /// </summary>
    public static class CheckReportWriter
    {
        /// <summary>SARIF 2.1.0, for code-scanning views (GitHub, Azure DevOps).</summary>
        public const string Sarif = "Sarif";
        /// <summary>JUnit XML, for pipeline test views.</summary>
        public const string JUnit = "JUnit";

        /// <summary>The intent check in <paramref name="format"/>; <paramref name="intentFile"/> is the file read, relative to <paramref name="baseDirectory"/>.</summary>
        /// <exception cref="EngineInputException">An unknown format (parameter OutputFormat).</exception>
        public static string Render(string format, IntentReport report, string? intentFile, string? baseDirectory) =>
            Is(format, Sarif) ? SarifLogWriter.Render(report, intentFile, baseDirectory) : Is(format, JUnit) ? JUnitXmlWriter.Render(report, intentFile, baseDirectory) : throw Unknown(format);

        /// <summary>The readiness check in <paramref name="format"/>; <paramref name="snapshot"/> is the snapshot read (null or sample:NAME for none).</summary>
        /// <exception cref="EngineInputException">An unknown format (parameter OutputFormat).</exception>
        public static string Render(string format, ReadinessReport report, string? snapshot, string? baseDirectory) =>
            Is(format, Sarif) ? SarifLogWriter.Render(report, snapshot, baseDirectory) : Is(format, JUnit) ? JUnitXmlWriter.Render(report, snapshot, baseDirectory) : throw Unknown(format);

        private static bool Is(string? format, string name) => string.Equals(format, name, StringComparison.OrdinalIgnoreCase);

        private static EngineInputException Unknown(string? format) =>
            new EngineInputException("OutputFormat", $"'{format}' is not a report format; use {Sarif} or {JUnit}");
    }
}
