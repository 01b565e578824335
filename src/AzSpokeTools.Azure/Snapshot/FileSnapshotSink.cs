using System;
using System.IO;
using AzSpokeTools.Engine.Hosting;

namespace AzSpokeTools.Azure.Snapshot
{
    /// <summary>
    /// A snapshot file the user asked for, written through the engine's <see cref="AtomicFile"/>: a hidden temporary file beside the
    /// target, renamed over it on commit and deleted otherwise, so a failed or cancelled export never leaves a partial snapshot.
    /// </summary>
    public sealed class FileSnapshotSink : SnapshotSink
    {
        private readonly string _path;
        private AtomicFile? _file;

        /// <summary>Checks the target (nothing is created until the export writes).</summary>
        /// <exception cref="ArgumentException">The directory does not exist, or the path names a directory (ParamName OutputPath).</exception>
        public FileSnapshotSink(string path)
        {
            ValidateTarget(path);
            _path = path;
            Name = Path.GetFullPath(path);
        }

        /// <inheritdoc />
        public override string Name { get; }

        /// <summary>The temporary file being written (null before the export starts writing).</summary>
        public string? TemporaryPath => _file?.TemporaryPath;

        /// <summary>Checks that <paramref name="targetPath"/> names a file in an existing directory.</summary>
        /// <exception cref="ArgumentException">It does not (ParamName OutputPath).</exception>
        public static void ValidateTarget(string targetPath)
        {
            var full = AtomicFile.FullPath(targetPath);
            var directory = Path.GetDirectoryName(full);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
                throw new ArgumentException("The directory of output file '" + targetPath + "' does not exist.", "OutputPath");
            if (Directory.Exists(full))
                throw new ArgumentException("Output path '" + targetPath + "' is a directory.", "OutputPath");
        }

        /// <inheritdoc />
        protected internal override Stream Open()
        {
            if (_file != null) throw new InvalidOperationException("The snapshot file is already open.");
            _file = AtomicFile.Create(_path);
            return _file.Stream;
        }

        /// <inheritdoc />
        protected override void Keep() => (_file ?? throw new InvalidOperationException("Nothing was written.")).Commit();

        /// <inheritdoc />
        public override void Dispose()
        {
            _file?.Dispose();
            _file = null;
        }
    }
}
