using AzSpokeTools.Tests.Shared;

namespace AzSpokeTools.Engine.Tests;

/// <summary>Finds the repository and the optional shared data folder (shared/ beside the repository) from the test assembly.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding AzSpokeTools.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "AzSpokeTools.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("AzSpokeTools.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Samples => Path.Combine(RepoRoot, "module", "samples");

    /// <summary>shared/corpus/arm-examples; tests that call it are <see cref="CorpusFactAttribute"/>s or <see cref="CorpusTheoryAttribute"/>s.</summary>
    public static string ArmExamples => AzSpokeTools.Tests.Shared.SharedCorpus.ArmExamples;

    public static string Example(string name) => Path.Combine(ArmExamples, name);
}
