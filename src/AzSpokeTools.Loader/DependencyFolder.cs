using System;
using System.IO;
using System.Reflection;

namespace AzSpokeTools.Loader
{
    /// <summary>
    /// The module's <c>Dependencies/</c> folder: which of the module's own assembly copies answers a
    /// request for an assembly name. A copy answers when its file is named after the assembly and its
    /// version is at least the one requested (what a binding redirect would allow); a lower version is
    /// never handed out, because the caller was compiled against members it may lack.
    /// </summary>
    public sealed class DependencyFolder
    {
        /// <summary>The folder name under the module root, as laid out by the build.</summary>
        public const string FolderName = "Dependencies";

        public DependencyFolder(string path)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("The dependency folder path is empty.", nameof(path));
            Path = System.IO.Path.GetFullPath(path);
        }

        /// <summary>Full path of the folder.</summary>
        public string Path { get; }

        /// <summary>The folder of a module whose root (the folder holding the psd1 and the cmdlet assembly) is <paramref name="moduleRoot"/>.</summary>
        public static DependencyFolder OfModule(string moduleRoot) =>
            new DependencyFolder(System.IO.Path.Combine(moduleRoot, FolderName));

        /// <summary>
        /// The path of the module's copy of <paramref name="requested"/>, or null when the folder has no
        /// copy or only a lower version than requested.
        /// </summary>
        public string? Find(AssemblyName requested)
        {
            if (requested == null) throw new ArgumentNullException(nameof(requested));
            var simpleName = requested.Name;
            if (string.IsNullOrEmpty(simpleName) || simpleName!.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0) return null;
            var candidate = System.IO.Path.Combine(Path, simpleName + ".dll");
            if (!File.Exists(candidate)) return null;
            if (requested.Version == null) return candidate;
            Version? available;
            try
            {
                available = AssemblyName.GetAssemblyName(candidate).Version;
            }
            catch (BadImageFormatException)
            {
                return null;
            }
            return available != null && available >= requested.Version ? candidate : null;
        }
    }
}
