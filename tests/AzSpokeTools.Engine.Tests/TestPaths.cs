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

    public static string ArmExamples => Path.Combine(Shared, "corpus", "arm-examples");

    public static string Example(string name) => Path.Combine(ArmExamples, name);
}
