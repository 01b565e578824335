using System.Reflection;
using System.Runtime.InteropServices;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// A MetadataLoadContext over the built module (the cmdlet project's build output), the running .NET's
/// reference set and PowerShell's System.Management.Automation: assemblies are read, never executed.
/// </summary>
internal sealed class InspectedAssemblies : IDisposable
{
    private readonly MetadataLoadContext _context;

    public InspectedAssemblies(params string[] extraAssemblies)
    {
        var runtime = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll");
        var module = Directory.GetFiles(RepositoryPaths.CmdletBuildOutput, "*.dll");
        var powershell = typeof(System.Management.Automation.Cmdlet).Assembly.Location;
        _context = new MetadataLoadContext(new PathAssemblyResolver(runtime.Concat(module).Append(powershell).Concat(extraAssemblies)));
        Cmdlets = _context.LoadFromAssemblyPath(RepositoryPaths.CmdletAssemblyPath);
    }

    /// <summary>The built AzSpokeTools.dll.</summary>
    public Assembly Cmdlets { get; }

    public Assembly Load(string path) => _context.LoadFromAssemblyPath(path);

    public Assembly LoadByName(string name) => _context.LoadFromAssemblyName(name);

    /// <summary>Finds a type by full name in the cmdlet assembly or any assembly of the build output.</summary>
    public Type? FindType(string fullName)
    {
        foreach (var dll in Directory.GetFiles(RepositoryPaths.CmdletBuildOutput, "*.dll"))
        {
            Assembly assembly;
            try { assembly = _context.LoadFromAssemblyPath(dll); }
            catch (FileLoadException) { assembly = _context.LoadFromAssemblyName(AssemblyName.GetAssemblyName(dll)); }
            var type = assembly.GetType(fullName, throwOnError: false);
            if (type != null) return type;
        }
        return null;
    }

    public void Dispose() => _context.Dispose();
}
