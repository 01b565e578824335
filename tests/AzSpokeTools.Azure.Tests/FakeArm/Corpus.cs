namespace AzSpokeTools.Azure.Tests.FakeArm;

/// <summary>Finds shared/corpus by walking up from the test assembly directory.</summary>
public static class Corpus
{
    public static string ArmExamplesDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "arm-examples");
            if (Directory.Exists(candidate)) return candidate;
            dir = dir.Parent;
        }
        throw new DirectoryNotFoundException("No shared/corpus/arm-examples above " + AppContext.BaseDirectory);
    }
}
