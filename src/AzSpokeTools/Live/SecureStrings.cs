using System;
using System.Runtime.InteropServices;
using System.Security;

namespace AzSpokeTools.Live
{
    /// <summary>The plain text of a SecureString, for the one place that must send it (the Authorization header).</summary>
    internal static class SecureStrings
    {
        public static string ToPlainText(SecureString value)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
