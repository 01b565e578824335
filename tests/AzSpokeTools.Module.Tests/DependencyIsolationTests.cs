using System.Reflection;
using System.Runtime.Loader;
using AzSpokeTools.Loader;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// The loader keeps the module's dependencies apart from whatever else the PowerShell process loaded:
/// proven with two real builds of one third-party assembly of different versions, one in the default context
/// (as Az.Accounts would load its Azure.Core) and one in the module's Dependencies/ folder. The fakes are
/// named "Contoso.*" because this test process itself has the real Azure.Core and Azure.Identity on its
/// probing path (through the CLI and cmdlet project references); the hosted tests in
/// AzSpokeTools.PowerShell.Tests show the real Azure.Core landing in the module's context.
/// </summary>
[Collection(DefaultContextCollection.Name)]
public sealed class DependencyIsolationTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("isolation-").FullName;

    public void Dispose()
    {
        ModuleDependencyLoader.Unregister();
        try { Directory.Delete(_work, recursive: true); } catch (UnauthorizedAccessException) { }
    }

    private string Dependencies => Path.Combine(_work, "module", DependencyFolder.FolderName);

    [Fact]
    public void ModuleAssembliesGetTheModulesCopyWhileTheDefaultContextHoldsAnotherVersion()
    {
        // Another module's copy, already in the default context.
        var otherPath = FakeAssemblies.WithMarker(Path.Combine(_work, "other"), "Contoso.Http.Core", new Version(1, 10, 0, 0), "Contoso.Http.Core 1.10 (another module)");
        var other = AssemblyLoadContext.Default.LoadFromAssemblyPath(otherPath);
        // The module's own copy, and a module assembly compiled against that newer version.
        var moduleCopy = FakeAssemblies.WithMarker(Dependencies, "Contoso.Http.Core", new Version(1, 47, 1, 0), "Contoso.Http.Core 1.47.1 (AzSpokeTools)");
        FakeAssemblies.CallingMarkerOf(Dependencies, "AzSpokeTools.IsolationProbe", moduleCopy);

        ModuleDependencyLoader.Register(Path.Combine(_work, "module"));
        // As the cmdlet assembly's reference would: a load request from the default context.
        var bridge = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("AzSpokeTools.IsolationProbe"));
        var which = (string)bridge.GetType("AzSpokeTools.IsolationProbe.Probe")!.GetMethod("Which")!.Invoke(null, null)!;

        Assert.Equal("Contoso.Http.Core 1.47.1 (AzSpokeTools)", which);
        Assert.IsNotType<AssemblyLoadContext>(AssemblyLoadContext.GetLoadContext(bridge), exactMatch: true);
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(bridge));
        var moduleCopyLoaded = AssemblyLoadContext.GetLoadContext(bridge)!.Assemblies.Single(a => a.GetName().Name == "Contoso.Http.Core");
        Assert.Equal(new Version(1, 47, 1, 0), moduleCopyLoaded.GetName().Version);
        // The default context still has, and still resolves, the other module's version.
        Assert.Same(other, AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("Contoso.Http.Core")));
        Assert.Equal("Contoso.Http.Core 1.10 (another module)", other.GetType("Contoso.Http.Core.Marker")!.GetMethod("Which")!.Invoke(null, null));
    }

    [Fact]
    public void DefaultContextNeverResolvesThirdPartyAssembliesFromDependencies()
    {
        FakeAssemblies.WithMarker(Dependencies, "Contoso.Identity", new Version(1, 14, 2, 0), "module copy");
        ModuleDependencyLoader.Register(Path.Combine(_work, "module"));
        Assert.Throws<FileNotFoundException>(() => AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("Contoso.Identity")));
    }

    [Fact]
    public void AssembliesTheRuntimeShipsStaySharedWithTheDefaultContext()
    {
        // The real build output has netstandard copies of System.Memory and System.Text.Json; inside PowerShell 7
        // the runtime's own must be used, or Span<T> and JsonElement would exist twice.
        var context = new ModuleAssemblyLoadContext(new DependencyFolder(RepositoryPaths.CmdletBuildOutput), PlatformAssemblies.OfRunningRuntime());
        foreach (var name in new[] { "System.Memory", "System.Text.Json", "System.Buffers" })
        {
            var requested = AssemblyName.GetAssemblyName(Path.Combine(RepositoryPaths.CmdletBuildOutput, name + ".dll"));
            Assert.Same(AssemblyLoadContext.Default.LoadFromAssemblyName(requested), context.LoadFromAssemblyName(requested));
        }
    }

    [Fact]
    public void EngineAndItsThirdPartyDependenciesLoadIntoTheModuleContextFromDependencies()
    {
        var context = new ModuleAssemblyLoadContext(new DependencyFolder(RepositoryPaths.CmdletBuildOutput), PlatformAssemblies.OfRunningRuntime());
        foreach (var name in new[] { "AzSpokeTools.Engine", "YamlDotNet" })
        {
            var assembly = context.LoadFromAssemblyName(new AssemblyName(name));
            Assert.Same(context, AssemblyLoadContext.GetLoadContext(assembly));
            Assert.Equal(Path.Combine(RepositoryPaths.CmdletBuildOutput, name + ".dll"), assembly.Location);
        }
    }

    [Fact]
    public void DependencyFolderNeverHandsOutALowerVersionThanRequested()
    {
        var path = FakeAssemblies.WithMarker(Dependencies, "Contoso.Versioned", new Version(2, 0, 0, 0), "v2");
        var folder = new DependencyFolder(Dependencies);
        Assert.Equal(path, folder.Find(new AssemblyName("Contoso.Versioned, Version=1.5.0.0")));
        Assert.Equal(path, folder.Find(new AssemblyName("Contoso.Versioned, Version=2.0.0.0")));
        Assert.Equal(path, folder.Find(new AssemblyName("Contoso.Versioned")));
        Assert.Null(folder.Find(new AssemblyName("Contoso.Versioned, Version=2.1.0.0")));
        Assert.Null(folder.Find(new AssemblyName("Contoso.Absent")));
    }

    [Fact]
    public void BridgeAssembliesAreTheModulesOwnAssembliesOutsideTheRoot()
    {
        Assert.True(BridgeAssemblies.IsBridge(new AssemblyName("AzSpokeTools.Engine")));
        Assert.True(BridgeAssemblies.IsBridge(new AssemblyName("AzSpokeTools.Azure")));
        Assert.False(BridgeAssemblies.IsBridge(new AssemblyName("AzSpokeTools")));
        Assert.False(BridgeAssemblies.IsBridge(new AssemblyName("AzSpokeTools.Loader")));
        Assert.False(BridgeAssemblies.IsBridge(new AssemblyName("Azure.Core")));
        Assert.False(BridgeAssemblies.IsBridge(new AssemblyName("System.Text.Json")));
    }

    [Fact]
    public void WindowsPowerShellHandlerAnswersAFailedBindWithTheModulesCopy()
    {
        // The .NET Framework path, exercised through the same AppDomain.AssemblyResolve event on .NET.
        var path = FakeAssemblies.WithMarker(Dependencies, "Contoso.Desktop.Dependency", new Version(2, 0, 0, 0), "module copy");
        FakeAssemblies.WithMarker(Dependencies, "Contoso.Desktop.TooOld", new Version(1, 0, 0, 0), "too old");
        DesktopDependencyResolver.Register(new DependencyFolder(Dependencies));
        try
        {
            var served = Assembly.Load(new AssemblyName("Contoso.Desktop.Dependency, Version=1.0.0.0"));
            Assert.Equal(path, served.Location);
            Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName("Contoso.Desktop.TooOld, Version=3.0.0.0")));
        }
        finally
        {
            DesktopDependencyResolver.Unregister();
        }
        FakeAssemblies.WithMarker(Dependencies, "Contoso.Desktop.AfterRemove", new Version(1, 0, 0, 0), "after remove");
        Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName("Contoso.Desktop.AfterRemove")));
    }

    [Fact]
    public void RunningOnDotNetSelectsTheLoadContextPath() => Assert.True(ModuleDependencyLoader.IsCoreRuntime);
}

/// <summary>Tests that register process-wide resolve handlers or load into the default context run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DefaultContextCollection
{
    public const string Name = "Default load context";
}
