using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AzSpokeTools.HelpGen;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>
/// The module laid out from the build output (as build.ps1 packages it) and imported from its manifest into
/// one PowerShell 7 runspace shared by the tests of the collection.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    public ModuleSession()
    {
        Root = FindRoot();
        var configuration = typeof(ModuleSession).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        WorkDirectory = Directory.CreateTempSubdirectory("azspoke-pwsh-").FullName;
        ModuleDirectory = ModuleLayout.Create(Root, Path.Combine(Root, "src", "AzSpokeTools", "bin", configuration, "netstandard2.0"), Path.Combine(WorkDirectory, "out"));
        ManifestPath = Path.Combine(ModuleDirectory, "AzSpokeTools.psd1");

        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        Host = new CapturingHost();
        Runspace = RunspaceFactory.CreateRunspace(Host, state);
        Runspace.Open();
        Run($"Import-Module '{ManifestPath}' -ErrorAction Stop");
    }

    public string Root { get; }
    public string WorkDirectory { get; }
    public string ModuleDirectory { get; }
    public string ManifestPath { get; }
    public Runspace Runspace { get; }
    public CapturingHost Host { get; }

    /// <summary>Runs a script in the module's runspace; the caller inspects the returned instance's streams.</summary>
    public (IReadOnlyList<PSObject> Output, System.Management.Automation.PowerShell Shell) Invoke(string script)
    {
        var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = Runspace;
        shell.AddScript(script);
        var output = shell.Invoke();
        return (output, shell);
    }

    /// <summary>Runs a script that must not write errors, and returns its output.</summary>
    public IReadOnlyList<PSObject> Run(string script)
    {
        var (output, shell) = Invoke(script);
        using (shell)
        {
            Assert.True(shell.Streams.Error.Count == 0, string.Join(Environment.NewLine, shell.Streams.Error.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            return output;
        }
    }

    public void Dispose()
    {
        Runspace.Dispose();
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AzSpokeTools.sln")) && File.Exists(Path.Combine(dir.FullName, "AzSpokeTools.psd1")))
                return dir.FullName;
        throw new DirectoryNotFoundException("No directory above the test assembly holds AzSpokeTools.sln and AzSpokeTools.psd1.");
    }
}

[CollectionDefinition(Name)]
public sealed class ModuleSessionCollection : ICollectionFixture<ModuleSession>
{
    public const string Name = "AzSpokeTools imported in PowerShell";
}
