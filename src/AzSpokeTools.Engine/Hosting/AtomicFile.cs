using System;
using System.IO;

namespace AzSpokeTools.Engine.Hosting
{
    /// <summary>
    /// One output file written whole or not at all: the content goes to a hidden temporary file beside the target, which
    /// <see cref="Commit"/> flushes to disk and renames over the target; disposing without a commit (a failure, Ctrl+C) deletes
    /// it, so no partial file is ever left under the target's name. Every file the CLI and the cmdlets write goes through it
    /// (snapshots, plan files, diagrams, reports, samples).
    /// </summary>
    public sealed class AtomicFile : IDisposable
    {
        private FileStream? _stream;
        private bool _committed;

        private AtomicFile(string target, string temporary, FileStream stream)
        {
            Target = target;
            TemporaryPath = temporary;
            _stream = stream;
        }

        /// <summary>The file this writes (full path).</summary>
        public string Target { get; }

        /// <summary>The temporary file being written (deleted unless committed).</summary>
        public string TemporaryPath { get; }

        /// <summary>Where to write the content; valid until <see cref="Commit"/> or <see cref="Dispose"/>.</summary>
        public Stream Stream => _stream ?? throw new ObjectDisposedException(nameof(AtomicFile));

        /// <summary>Starts writing <paramref name="path"/>.</summary>
        /// <exception cref="ArgumentException">The path is empty or not a path (ParamName OutputPath).</exception>
        /// <exception cref="DirectoryNotFoundException">Its directory does not exist.</exception>
        /// <exception cref="IOException">It names a directory, or the temporary file cannot be created.</exception>
        public static AtomicFile Create(string path)
        {
            var full = FullPath(path);
            var directory = Path.GetDirectoryName(full);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
                throw new DirectoryNotFoundException($"the directory of '{path}' does not exist");
            if (Directory.Exists(full)) throw new IOException($"'{path}' is a directory; give a file path");
            var temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            return new AtomicFile(full, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        }

        /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, all or nothing.</summary>
        public static void Write(string path, Action<Stream> write)
        {
            if (write == null) throw new ArgumentNullException(nameof(write));
            using var file = Create(path);
            write(file.Stream);
            file.Commit();
        }

        /// <summary>The full path of <paramref name="path"/>, or an <see cref="ArgumentException"/> naming OutputPath.</summary>
        public static string FullPath(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The output path is empty.", "OutputPath");
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is NotSupportedException || ex is PathTooLongException || ex is ArgumentException)
            {
                throw new ArgumentException($"'{path}' is not a valid file path ({ex.Message}).", "OutputPath", ex);
            }
        }

        /// <summary>Flushes the content to disk and puts the file in place of the target.</summary>
        public void Commit()
        {
            var stream = _stream ?? throw new ObjectDisposedException(nameof(AtomicFile));
            stream.Flush(flushToDisk: true);
            stream.Dispose();
            _stream = null;
            if (File.Exists(Target)) File.Replace(TemporaryPath, Target, null);
            else File.Move(TemporaryPath, Target);
            _committed = true;
        }

        /// <summary>Closes the file; without a commit, deletes it.</summary>
        public void Dispose()
        {
            _stream?.Dispose();
            _stream = null;
            if (_committed) return;
            try { File.Delete(TemporaryPath); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
