using System.Reflection;

namespace AzSpokeTools.Module.Tests;

/// <summary>Where the repository and the cmdlet project's build output are, found from the test assembly.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Configuration this test assembly was built in; the cmdlet project is built in the same one.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>src/AzSpokeTools/bin/&lt;Configuration&gt;/netstandard2.0: the cmdlet assembly and all its runtime dependencies.</summary>
    public static string CmdletBuildOutput { get; } = Path.Combine(Root, "src", "AzSpokeTools", "bin", Configuration, "netstandard2.0");

    public static string CmdletAssemblyPath => Path.Combine(CmdletBuildOutput, "AzSpokeTools.dll");

    public static string ManifestPath => Path.Combine(Root, "AzSpokeTools.psd1");

    public static string ModuleSources => Path.Combine(Root, "module");

    public static string Docs => Path.Combine(Root, "docs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AzSpokeTools.sln")) && File.Exists(Path.Combine(dir.FullName, "AzSpokeTools.psd1")))
                return dir.FullName;
        throw new DirectoryNotFoundException("No directory above the test assembly holds AzSpokeTools.sln and AzSpokeTools.psd1.");
    }
}
