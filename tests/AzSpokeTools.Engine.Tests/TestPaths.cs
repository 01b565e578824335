namespace AzSpokeTools.Engine.Tests;

/// <summary>Finds the shared data folder (../shared beside the repository) from the test assembly.</summary>
internal static class TestPaths
{
    public static string Shared
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus");
                if (Directory.Exists(candidate)) return Path.Combine(dir.FullName, "shared");
                dir = dir.Parent;
            }
            throw new DirectoryNotFoundException("shared/corpus not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>shared/corpus above the test assembly, or null when it is not there (tests that need it skip with a message).</summary>
    public static string? SharedCorpus
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus");
                if (Directory.Exists(candidate)) return candidate;
            }
            return null;
        }
    }

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

    public static string ArmExamples => Path.Combine(Shared, "corpus", "arm-examples");

    public static string Example(string name) => Path.Combine(ArmExamples, name);
}
