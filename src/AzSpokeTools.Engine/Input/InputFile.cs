using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace AzSpokeTools.Engine.Input
{
    /// <summary>
    /// Opens the files a user names as input (snapshots, intent files, service-tag files): regular files only, and no larger than
    /// a cap. A named pipe called <c>x.json</c> would block the reader until something writes to it, and a device (a symbolic
    /// link to <c>/dev/zero</c>) would never end; both are refused before they are opened, with a message saying what they are.
    /// </summary>
    internal static class InputFile
    {
        /// <summary>Largest snapshot file read (1 GiB; a 5,000-spoke estate is about 20 MB). Split larger exports into a directory of files.</summary>
        public const long MaxSnapshotBytes = 1L << 30;

        /// <summary>Largest intent file read (16 MiB; intent files are a few kilobytes).</summary>
        public const long MaxIntentBytes = 16L << 20;

        /// <summary>Largest service-tag file read (256 MiB; Azure's ServiceTags_Public file is about 5 MB).</summary>
        public const long MaxServiceTagBytes = 256L << 20;

        /// <summary>
        /// Why <paramref name="path"/> cannot be read as an input file (not found, not a regular file, larger than
        /// <paramref name="maxBytes"/>), or null when it can.
        /// </summary>
        public static string? Problem(string path, long maxBytes)
        {
            FileInfo info;
            try
            {
                info = new FileInfo(path);
                if (!info.Exists) return Directory.Exists(path) ? "is a directory, not a file" : "file not found";
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                return "is not a usable file path: " + ex.Message;
            }
            var kind = NonRegularKind(path);
            if (kind != null) return $"is {kind}, not a regular file; only regular files are read";
            if (info.Length > maxBytes)
                return $"is {Size(info.Length)}, larger than the {Size(maxBytes)} limit for one file" + (maxBytes == MaxSnapshotBytes ? "; split the snapshot into a directory of files" : "");
            return null;
        }

        /// <summary>Opens <paramref name="path"/> for reading after <see cref="Problem"/> found nothing wrong; IO errors propagate.</summary>
        public static Stream Open(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

        /// <summary>
        /// The whole file as text: UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark. Bytes that are not
        /// valid UTF-8 are an error (<see cref="DecoderFallbackException"/>), not silently replaced.
        /// </summary>
        public static string ReadText(string path)
        {
            byte[] bytes;
            using (var s = Open(path))
            using (var copy = new MemoryStream())
            {
                s.CopyTo(copy);
                bytes = copy.ToArray();
            }
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return new UnicodeEncoding(false, false, true).GetString(bytes, 2, bytes.Length - 2);
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return new UnicodeEncoding(true, false, true).GetString(bytes, 2, bytes.Length - 2);
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
        }

        /// <summary>"a named pipe", "a character device"... for a path that exists but is not a regular file; null for a regular file.</summary>
        internal static string? NonRegularKind(string path)
        {
            // .NET reports no file type on Unix (a FIFO's attributes are Normal); the runtime's own native shim does.
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return null;
            int mode;
            try
            {
                var status = new byte[512];
                if (SystemNativeStat(path, status) != 0) return null;
                mode = BitConverter.ToInt32(status, 4);
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is BadImageFormatException)
            {
                return null; // not on the .NET runtime's Unix shim: nothing more can be told than .NET says
            }
            switch (mode & 0xF000)
            {
                case 0x8000: return null;
                case 0x1000: return "a named pipe (FIFO)";
                case 0x2000: return "a character device";
                case 0x6000: return "a block device";
                case 0xC000: return "a socket";
                case 0x4000: return "a directory";
                default: return "not a regular file";
            }
        }

        private static string Size(long bytes) =>
            bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB"
            : bytes >= 1L << 20 ? (bytes >> 20) + " MiB"
            : bytes + " bytes";

        // System.Native's FileStatus: int Flags, int Mode (S_IFMT bits normalised: FIFO 0x1000, CHR 0x2000, DIR 0x4000, BLK 0x6000, REG 0x8000, SOCK 0xC000), ...
        // CA2101 guards against Windows' best-fit ANSI conversion; this entry point exists only on Unix, where LPStr is UTF-8.
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA2101:Specify marshaling for P/Invoke string arguments", Justification = "Unix-only entry point: LPStr marshals as UTF-8 there.")]
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        private static extern int SystemNativeStat([MarshalAs(UnmanagedType.LPStr)] string path, byte[] output);
    }
}
