using System.Text.Json;
using System.Text.RegularExpressions;
using AzSpokeTools.Cli;
using Xunit;

using AzSpokeTools.Engine.Tests;
using AzSpokeTools.Engine.Tests.Reports;

namespace AzSpokeTools.Cli.Tests;

/// <summary>
/// Executable documentation for the CLI: every <c>azspoke</c> command line in the bash blocks of README.md and
/// docs/**/*.md (found afresh on each run, so commands added later are executed too) runs in-process in a folder
/// that holds what the docs assume (estate.json, intent.yaml) and must exit 0 or 1 (1: the check found something);
/// JSON output must parse. A line that needs Azure, or a block marked <c>&lt;!-- not-executed: REASON --&gt;</c>, is
/// reported as not executed with the reason.
/// </summary>
public sealed partial class DocumentedCliExampleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azspoke-doc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Lines that cannot run offline, and why (the first that matches decides).</summary>
    private static readonly (Regex Pattern, string Reason)[] NeedsAzure =
    [
        (new Regex(@"^azspoke\s+export\b"), "export reads Azure (Resource Graph and ARM)"),
        (new Regex(@"\s--apply\b"), "--apply reads the AVNM resources' current state from Azure before planning the writes"),
        (new Regex(@"^azspoke\s+verify\b"), "verify needs effective route tables captured from Azure (export --include-effective-routes)"),
    ];

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in Find()) data.Add(example.Key);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void DocumentedCommandRuns(string key)
    {
        var example = Find().Single(e => e.Key == key);
        if (example.Skip != null)
        {
            // Listed, not executed: xunit 2 has no dynamic skip, so the reason is the test's output.
            Assert.False(string.IsNullOrWhiteSpace(example.Skip));
            return;
        }
        File.Copy(Path.Combine(TestPaths.RepoRoot, "module", "samples", "hub-firewall.json"), Path.Combine(_folder, "estate.json"), overwrite: true);
        File.Copy(Path.Combine(TestPaths.RepoRoot, "docs", "examples", "intent.yaml"), Path.Combine(_folder, "intent.yaml"), overwrite: true);
        // A command that reads what an earlier line of the same page wrote (plan/ for report, verify-wave or diff) runs
        // after that line, as a reader following the page would.
        foreach (var earlier in Producers(example)) Run(earlier);
        var output = Run(example);
        if (Regex.IsMatch(example.Command, @"--format\s+(json|summary)\b"))
            using (JsonDocument.Parse(output)) { }
    }

    private string Run(Example example)
    {
        var (args, redirect) = Arguments(example.Command);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        Assert.True(code is ExitCodes.Success or ExitCodes.Findings, $"{example.Key}: exit code {code}\n{error}");
        if (redirect != null) File.WriteAllText(redirect, output.ToString());
        return output.ToString();
    }

    /// <summary>Earlier executed lines of the same page whose <c>--out</c> is one of this line's inputs.</summary>
    private static IEnumerable<Example> Producers(Example example)
    {
        var inputs = Inputs(example.Command).ToHashSet(StringComparer.Ordinal);
        return Find().Where(e => e.File == example.File && e.Line < example.Line && e.Skip == null)
            .Where(e => Output(e.Command) is string o && !o.StartsWith("sample:", StringComparison.Ordinal) && inputs.Contains(o));
    }

    private static readonly string[] InputOptions = ["--snapshot", "--intent", "--plan", "--before", "--after"];

    private static IEnumerable<string> Inputs(string command)
    {
        var tokens = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < tokens.Length; i++)
            if (InputOptions.Contains(tokens[i - 1])) yield return tokens[i].TrimEnd('/');
        // azspoke merge FILE...: its files are inputs too.
        if (tokens.Length > 1 && tokens[1] == "merge")
            foreach (var t in tokens.Skip(2).TakeWhile(t => t != ">")) if (!t.StartsWith('-')) yield return t;
    }

    private static string? Output(string command)
    {
        var tokens = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(tokens, "--out");
        if (at < 0) at = Array.IndexOf(tokens, ">");
        return at >= 0 && at + 1 < tokens.Length ? tokens[at + 1].TrimEnd('/') : null;
    }

    [Fact]
    public void TheDocsHoldCliExamplesAndTheRunnerReadsThem()
    {
        var all = Find().ToList();
        Assert.Contains(all, e => e.Skip == null && e.Command.StartsWith("azspoke path ", StringComparison.Ordinal));
        Assert.Contains(all, e => e.Skip != null && e.Command.StartsWith("azspoke export ", StringComparison.Ordinal));
    }

    private sealed record Example(string Key, string Command, string? Skip, string File, int Line);

    private static IEnumerable<Example> Find()
    {
        var root = TestPaths.RepoRoot;
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!BashFence().IsMatch(lines[i])) continue;
                string? marker = null;
                for (var j = i - 1; j >= 0 && j >= i - 3; j--)
                {
                    var m = NotExecuted().Match(lines[j]);
                    if (m.Success) { marker = m.Groups["reason"].Value; break; }
                    if (lines[j].Trim().Length > 0 && !lines[j].TrimStart().StartsWith("<!--", StringComparison.Ordinal)) break;
                }
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    var command = CliCommand(lines[i]);
                    if (command == null) continue;
                    var skip = marker ?? NeedsAzure.Where(n => n.Pattern.IsMatch(command)).Select(n => n.Reason).FirstOrDefault();
                    // A line that is not executed says why in its test name.
                    yield return new Example($"{relative}:{i + 1}: {command}" + (skip == null ? "" : $" [not executed: {skip}]"), command, skip, relative, i + 1);
                }
            }
        }
    }

    /// <summary>The azspoke command of a line (<c>azspoke ...</c>, or <c>dotnet run --project src/AzSpokeTools.Cli ... -- ...</c>), comment removed.</summary>
    private static string? CliCommand(string line)
    {
        var text = Regex.Replace(line, @"\s+#.*$", "").Trim();
        var run = DotnetRun().Match(text);
        if (run.Success) return "azspoke " + run.Groups["args"].Value.Trim();
        return text.StartsWith("azspoke ", StringComparison.Ordinal) ? text : null;
    }

    /// <summary>The arguments (relative paths resolved in the example folder) and the file of a <c>&gt; FILE</c> redirect.</summary>
    private (string[] Args, string? Redirect) Arguments(string command)
    {
        var tokens = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        string? redirect = null;
        var redirectAt = tokens.IndexOf(">");
        if (redirectAt >= 0)
        {
            redirect = Path.Combine(_folder, tokens[redirectAt + 1]);
            tokens = tokens.Take(redirectAt).ToList();
        }
        // Quotes protect patterns from the shell; the shell removes them before azspoke sees its arguments.
        tokens = tokens.Select(t => t.Length > 1 && (t[0] == '"' || t[0] == '\'') && t[^1] == t[0] ? t[1..^1] : t).ToList();
        bool merge = tokens.Count > 0 && tokens[0] == "merge";
        var args = tokens.Select((t, i) =>
            !t.StartsWith('-') && !t.StartsWith("sample:", StringComparison.Ordinal) && i > 0 &&
            (merge || tokens[i - 1] is "--snapshot" or "--intent" or "--out" or "--plan" or "--before" or "--after") && !Path.IsPathRooted(t)
                ? Path.Combine(_folder, t)
                : t).ToArray();
        return (args, redirect);
    }

    [GeneratedRegex(@"^\s*```(bash|sh|shell|console)\s*$")]
    private static partial Regex BashFence();

    [GeneratedRegex(@"<!--\s*not-executed:\s*(?<reason>.+?)\s*-->")]
    private static partial Regex NotExecuted();

    [GeneratedRegex(@"^dotnet run --project src/AzSpokeTools\.Cli(?:\s+\S+)*?\s+--\s+(?<args>.+)$")]
    private static partial Regex DotnetRun();
}
