using System;
using System.Collections.Generic;
using System.IO;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>How much one check result matters: the SARIF result level (error, warning, note).</summary>
    internal enum CheckLevel
    {
        Error,
        Warning,
        Note,
    }

    /// <summary>
    /// A pipeline check (the intent check, the mesh readiness check) as SARIF and JUnit XML report it: every rule that was
    /// evaluated, each with the results that did not pass. Built by <see cref="IntentChecks"/> and <see cref="ReadinessChecks"/>,
    /// rendered by <see cref="SarifLogWriter"/> and <see cref="JUnitXmlWriter"/>, so the two formats say the same thing.
    /// </summary>
    internal sealed class CheckRun
    {
        public CheckRun(string name, string title, string? artifact, string? baseDirectory)
        {
            Name = name;
            Title = title;
            Artifact = artifact;
            BaseDirectory = baseDirectory;
        }

        /// <summary>intent or readiness: the category of the run (SARIF automationDetails.id, JUnit classname).</summary>
        public string Name { get; }
        /// <summary>The test suite's name.</summary>
        public string Title { get; }
        /// <summary>The file the checks read (the intent file, the snapshot), for the results' physical location; null when none.</summary>
        public string? Artifact { get; }
        /// <summary>The directory <see cref="Artifact"/> is named relative to (the working directory; PowerShell's current location).</summary>
        public string? BaseDirectory { get; }
        public List<CheckRule> Rules { get; } = new List<CheckRule>();

        /// <summary>
        /// <paramref name="file"/> relative to <paramref name="baseDirectory"/> with '/' separators when it is under it (so the CLI,
        /// given a relative path, and a cmdlet, given the resolved one, name it alike), else its full path; null for no file or a
        /// bundled sample (sample:NAME), which is no file of the repository.
        /// </summary>
        public static string? RelativePath(string? file, string? baseDirectory)
        {
            if (string.IsNullOrWhiteSpace(file) || Samples.SampleCatalog.IsSampleReference(file!, out _)) return null;
            var root = Path.GetFullPath(string.IsNullOrWhiteSpace(baseDirectory) ? "." : baseDirectory);
            var full = Path.GetFullPath(Path.Combine(root, file));
            var prefix = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
            var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (!full.StartsWith(prefix, comparison)) return full;
            return string.Join("/", full.Substring(prefix.Length).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        }
    }

    /// <summary>One rule of a check run.</summary>
    internal sealed class CheckRule
    {
        public CheckRule(string id, string title, string description, string helpUri, CheckLevel? defaultLevel)
        {
            Id = id;
            Title = title;
            Description = description;
            HelpUri = helpUri;
            DefaultLevel = defaultLevel;
        }

        public string Id { get; }
        public string Title { get; }
        public string Description { get; }
        public string HelpUri { get; }
        /// <summary>The level of a failure of this rule, when the rule has one (readiness rules vary by finding).</summary>
        public CheckLevel? DefaultLevel { get; }
        /// <summary>What the rule found that did not pass; empty when it passed.</summary>
        public List<CheckResult> Results { get; } = new List<CheckResult>();
        /// <summary>A summary of the rule's outcome for the JUnit failure message (the results are its body).</summary>
        public string? Summary { get; set; }
        /// <summary>The rule fails the gate: one of its results is an error.</summary>
        public bool Failed => Results.Exists(r => r.Level == CheckLevel.Error);
    }

    /// <summary>One finding of a rule: its level, message, the resources it is about and the values behind it.</summary>
    internal sealed class CheckResult
    {
        public CheckResult(CheckLevel level, string message, IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string>? evidence = null)
        {
            Level = level;
            Message = message;
            ResourceIds = resourceIds;
            Evidence = evidence ?? new Dictionary<string, string>();
        }

        public CheckLevel Level { get; }
        public string Message { get; }
        /// <summary>Azure resource ids the result is about, most relevant first (SARIF logical locations).</summary>
        public IReadOnlyList<string> ResourceIds { get; }
        public IReadOnlyDictionary<string, string> Evidence { get; }
    }
}
