using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Errors;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// Writes a generated file (diagram, report) for Export-* cmdlets through the engine's <see cref="AtomicFile"/> (a temporary
    /// file in the same folder renamed into place, so that a failure leaves no partial file); failures become OutputAccessDenied /
    /// OutputWriteFailed.
    /// </summary>
    internal static class OutputFile
    {
        /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) to <paramref name="path"/>; returns the file, or null after writing the error.</summary>
        public static FileInfo? Write(PSCmdlet cmdlet, string path, string text)
        {
            try
            {
                var bytes = new UTF8Encoding(false).GetBytes(text);
                AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
                return new FileInfo(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                cmdlet.WriteError(SpokeErrors.FromLive(e, path)!);
                return null;
            }
        }
    }
}
