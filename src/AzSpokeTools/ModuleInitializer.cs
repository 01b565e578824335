using System.IO;
using System.Management.Automation;
using AzSpokeTools.Loader;

namespace AzSpokeTools
{
    /// <summary>
    /// Runs when PowerShell imports and removes the module: points the loader at the module's
    /// <c>Dependencies/</c> folder before any cmdlet touches the engine, then registers the argument completers.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>The module root: the folder that holds this assembly and the manifest.</summary>
        public static string ModuleRoot => Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;

        /// <inheritdoc />
        public void OnImport()
        {
            ModuleDependencyLoader.Register(ModuleRoot);
            Completion.CompleterRegistration.Register();
        }

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo) => ModuleDependencyLoader.Unregister();
    }
}
