using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using AzSpokeTools.Errors;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// Writes a generated file (diagram, report) for Export-* cmdlets: through a temporary file in the same folder that is
    /// renamed into place, so that a failure leaves no partial file; failures become OutputAccessDenied / OutputWriteFailed.
    /// </summary>
    internal static class OutputFile
    {
        /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) to <paramref name="path"/>; returns the file, or null after writing the error.</summary>
        public static FileInfo? Write(PSCmdlet cmdlet, string path, string text)
        {
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                File.WriteAllText(temp, text, new UTF8Encoding(false));
                if (File.Exists(path)) File.Delete(path);
                File.Move(temp, path);
                return new FileInfo(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                cmdlet.WriteError(SpokeErrors.FromLive(e, path)!);
                return null;
            }
        }
    }
}
