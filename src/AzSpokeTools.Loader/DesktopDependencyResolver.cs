using System;
using System.IO;
using System.Reflection;

namespace AzSpokeTools.Loader
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework has one load context per AppDomain): an
    /// AppDomain.AssemblyResolve handler that answers a failed bind with the module's own copy from
    /// <c>Dependencies/</c> when that copy is at least the requested version. This cannot isolate two
    /// versions of one assembly (nothing on .NET Framework can, short of a second AppDomain); it makes the
    /// module find its own dependencies without copying them next to powershell.exe.
    /// </summary>
    internal static class DesktopDependencyResolver
    {
        private static readonly object Gate = new object();
        private static DependencyFolder? _active;

        public static void Register(DependencyFolder folder)
        {
            lock (Gate)
            {
                if (_active == null) AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                _active = folder;
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (_active == null) return;
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                _active = null;
            }
        }

        /// <summary>The handler body: the module's copy for <paramref name="args"/>, or null to let the bind fail.</summary>
        internal static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var folder = _active;
            if (folder == null || string.IsNullOrEmpty(args.Name)) return null;
            AssemblyName requested;
            try
            {
                requested = new AssemblyName(args.Name);
            }
            catch (Exception e) when (e is ArgumentException || e is FileLoadException)
            {
                return null;
            }
            var path = folder.Find(requested);
            // LoadFrom (not LoadFile): a second request for the same file returns the assembly already loaded.
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
