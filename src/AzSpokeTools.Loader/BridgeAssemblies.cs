using System;
using System.Reflection;

namespace AzSpokeTools.Loader
{
    /// <summary>
    /// The assemblies that cross from the cmdlet assembly (default context) into the module's dependency
    /// context: the module's own <c>AzSpokeTools.*</c> assemblies in <c>Dependencies/</c>. Their public API
    /// is the bridge: it exposes engine types only, never Azure SDK types, so the cmdlet assembly needs no
    /// reference to any conflicting dependency.
    /// </summary>
    public static class BridgeAssemblies
    {
        /// <summary>Name prefix of the module's own assemblies.</summary>
        public const string Prefix = "AzSpokeTools.";

        /// <summary>The assemblies at the module root, loaded by PowerShell itself.</summary>
        public static readonly string[] RootAssemblies = { "AzSpokeTools", "AzSpokeTools.Loader" };

        /// <summary>True for a module assembly that lives in <c>Dependencies/</c>.</summary>
        public static bool IsBridge(AssemblyName name)
        {
            var simple = name.Name;
            if (simple == null || !simple.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
            return Array.FindIndex(RootAssemblies, r => string.Equals(r, simple, StringComparison.OrdinalIgnoreCase)) < 0;
        }
    }
}
