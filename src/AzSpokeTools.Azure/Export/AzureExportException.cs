using System;

namespace AzSpokeTools.Azure.Export
{
    /// <summary>
    /// Azure or the network failed in a way the export cannot work around (authentication refused, a
    /// request still failing after its retries, a malformed response). No snapshot file is left behind.
    /// </summary>
    public sealed class AzureExportException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AzureExportException(string message, int status = 0, Exception? inner = null) : base(message, inner)
        {
            Status = status;
        }

        /// <summary>The HTTP status of the failing response, or 0 when no response arrived (timeout, connection failure).</summary>
        public int Status { get; }
    }
}
