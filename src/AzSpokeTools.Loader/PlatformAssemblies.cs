using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;

namespace AzSpokeTools.Loader
{
    /// <summary>
    /// The assemblies that the running .NET itself ships (its shared-framework folder, where
    /// System.Private.CoreLib lives). The module's load context leaves these to the default context:
    /// loading a second System.Memory or System.Text.Json beside the runtime's would split types such as
    /// <c>Span&lt;T&gt;</c> between two identities and break every call across them.
    /// </summary>
    internal sealed class PlatformAssemblies
    {
        private readonly string _frameworkDirectory;
        private readonly ConcurrentDictionary<string, Version?> _versions = new ConcurrentDictionary<string, Version?>(StringComparer.OrdinalIgnoreCase);

        public PlatformAssemblies(string frameworkDirectory)
        {
            _frameworkDirectory = frameworkDirectory;
        }

        /// <summary>The running runtime's framework folder.</summary>
        public static PlatformAssemblies OfRunningRuntime() =>
            new PlatformAssemblies(Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty);

        /// <summary>True when the runtime ships <paramref name="requested"/> at the requested version or higher.</summary>
        public bool Provides(AssemblyName requested)
        {
            var name = requested.Name;
            if (string.IsNullOrEmpty(name) || _frameworkDirectory.Length == 0) return false;
            var version = _versions.GetOrAdd(name!, ReadVersion);
            if (version == null) return false;
            return requested.Version == null || version >= requested.Version;
        }

        private Version? ReadVersion(string simpleName)
        {
            if (simpleName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) return null;
            var path = Path.Combine(_frameworkDirectory, simpleName + ".dll");
            if (!File.Exists(path)) return null;
            try
            {
                return AssemblyName.GetAssemblyName(path).Version;
            }
            catch (BadImageFormatException)
            {
                return null;
            }
        }
    }
}
