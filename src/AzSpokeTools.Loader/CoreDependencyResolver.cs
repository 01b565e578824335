using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace AzSpokeTools.Loader
{
    /// <summary>
    /// PowerShell 7 (.NET): hooks the default load context's Resolving event for the module's bridge
    /// assemblies only (the <c>AzSpokeTools.*</c> assemblies the cmdlet assembly references directly)
    /// and loads them into the module's <see cref="ModuleAssemblyLoadContext"/>. Everything those
    /// assemblies reference is then resolved by that context, never by the default one — the pattern of
    /// PowerShell's "resolving dependency conflicts" guidance.
    /// </summary>
    internal static class CoreDependencyResolver
    {
        private static readonly ConcurrentDictionary<string, ModuleAssemblyLoadContext> Contexts =
            new ConcurrentDictionary<string, ModuleAssemblyLoadContext>(StringComparer.OrdinalIgnoreCase);
        private static readonly object Gate = new object();
        private static ModuleAssemblyLoadContext? _active;

        /// <summary>The module context for a dependency folder; one per folder for the life of the process.</summary>
        public static ModuleAssemblyLoadContext ContextFor(DependencyFolder folder) =>
            Contexts.GetOrAdd(folder.Path, _ => new ModuleAssemblyLoadContext(folder, PlatformAssemblies.OfRunningRuntime()));

        public static void Register(DependencyFolder folder)
        {
            lock (Gate)
            {
                var context = ContextFor(folder);
                if (ReferenceEquals(_active, context)) return;
                if (_active != null) AssemblyLoadContext.Default.Resolving -= ResolveBridge;
                _active = context;
                AssemblyLoadContext.Default.Resolving += ResolveBridge;
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (_active == null) return;
                AssemblyLoadContext.Default.Resolving -= ResolveBridge;
                _active = null;
            }
        }

        private static Assembly? ResolveBridge(AssemblyLoadContext requestingContext, AssemblyName name)
        {
            var context = _active;
            if (context == null || !BridgeAssemblies.IsBridge(name)) return null;
            if (context.Dependencies.Find(name) == null) return null;
            return context.LoadFromAssemblyName(name);
        }
    }
}
