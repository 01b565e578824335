using System;
using System.Runtime.CompilerServices;

namespace AzSpokeTools.Loader
{
    /// <summary>
    /// Entry point called by the cmdlet assembly when PowerShell imports and removes the module: makes the
    /// assemblies under <c>Dependencies/</c> loadable, isolated where the runtime allows it.
    /// </summary>
    public static class ModuleDependencyLoader
    {
        /// <summary>True on .NET (PowerShell 7), false on .NET Framework (Windows PowerShell 5.1).</summary>
        public static bool IsCoreRuntime { get; } =
            string.Equals(typeof(object).Assembly.GetName().Name, "System.Private.CoreLib", StringComparison.Ordinal);

        /// <summary>Starts resolving the module's dependencies from <paramref name="moduleRoot"/>/Dependencies.</summary>
        public static void Register(string moduleRoot)
        {
            var folder = DependencyFolder.OfModule(moduleRoot);
            if (IsCoreRuntime) RegisterCore(folder);
            else DesktopDependencyResolver.Register(folder);
        }

        /// <summary>Stops resolving (module removed). Assemblies already loaded stay loaded, as .NET requires.</summary>
        public static void Unregister()
        {
            if (IsCoreRuntime) UnregisterCore();
            else DesktopDependencyResolver.Unregister();
        }

        // Separate methods so that .NET Framework never JIT-compiles a reference to AssemblyLoadContext.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RegisterCore(DependencyFolder folder) => CoreDependencyResolver.Register(folder);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void UnregisterCore() => CoreDependencyResolver.Unregister();
    }
}
