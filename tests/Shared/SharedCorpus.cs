using System;
using System.IO;
using Xunit;

namespace AzSpokeTools.Tests.Shared;

/// <summary>
/// The public ARM examples (shared/corpus/arm-examples beside the repository, as CI lays it out). They are not part
/// of the repository: tests that read them run when the folder is present and are reported as skipped, with this
/// reason, when it is not (a fresh clone, a fork's GitHub workflow).
/// </summary>
internal static class SharedCorpus
{
    public const string SkipReason = "shared/corpus/arm-examples is not present beside the repository: the public ARM examples are not read";

    private static readonly Lazy<string?> Found = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "arm-examples");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    });

    /// <summary>The arm-examples folder, or null when it is absent.</summary>
    public static string? ArmExamplesOrNull => Found.Value;

    /// <summary>The arm-examples folder; only call from a <see cref="CorpusFactAttribute"/> or <see cref="CorpusTheoryAttribute"/> test.</summary>
    public static string ArmExamples => Found.Value ?? throw new DirectoryNotFoundException(SkipReason + " (above " + AppContext.BaseDirectory + ")");
}

/// <summary>A fact that reads the shared corpus: skipped, saying why, when it is absent.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (SharedCorpus.ArmExamplesOrNull == null) Skip = SharedCorpus.SkipReason;
    }
}

/// <summary>A theory that reads the shared corpus: skipped, saying why, when it is absent.</summary>
internal sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (SharedCorpus.ArmExamplesOrNull == null) Skip = SharedCorpus.SkipReason;
    }
}
