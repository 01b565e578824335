using System;
using System.IO;

namespace AzSpokeTools.Engine.Snapshot
{
    /// <summary>Resolves <c>sample:NAME</c> to a bundled sample snapshot.</summary>
    internal static class SampleSnapshots
    {
        public const string Prefix = "sample:";

        public static bool TryResolve(string path, out Func<Stream>? open, out string? problem)
        {
            open = null;
            problem = null;
            if (!path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
            var name = path.Substring(Prefix.Length).Trim();
            var asm = typeof(SampleSnapshots).Assembly;
            var resource = "samples/" + name + ".json";
            foreach (var n in asm.GetManifestResourceNames())
            {
                if (string.Equals(n, resource, StringComparison.OrdinalIgnoreCase))
                {
                    var found = n;
                    open = () => asm.GetManifestResourceStream(found)!;
                    return true;
                }
            }
            problem = $"there is no bundled sample named '{name}'";
            return false;
        }
    }
}
