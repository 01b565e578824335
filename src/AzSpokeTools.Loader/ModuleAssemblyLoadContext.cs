using System.Reflection;
using System.Runtime.Loader;

namespace AzSpokeTools.Loader
{
    /// <summary>
    /// PowerShell 7: the load context that owns everything under the module's <c>Dependencies/</c> folder
    /// (the engine, the live-data assembly and their Azure.Core / Azure.Identity / System.Text.Json copies),
    /// so that another module's versions of those assemblies in the default context never meet ours.
    /// Assemblies the runtime itself ships stay shared with the default context (see <see cref="PlatformAssemblies"/>).
    /// </summary>
    internal sealed class ModuleAssemblyLoadContext : AssemblyLoadContext
    {
        private readonly DependencyFolder _dependencies;
        private readonly PlatformAssemblies _platform;

        public ModuleAssemblyLoadContext(DependencyFolder dependencies, PlatformAssemblies platform)
        {
            _dependencies = dependencies;
            _platform = platform;
        }

        public DependencyFolder Dependencies => _dependencies;

        /// <inheritdoc />
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (_platform.Provides(assemblyName)) return null;
            var path = _dependencies.Find(assemblyName);
            return path == null ? null : LoadFromAssemblyPath(path);
        }
    }
}
