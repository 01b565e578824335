using System;
using System.IO;

namespace AzSpokeTools.Engine.Hosting
{
    /// <summary>
    /// Files in one directory, each written atomically (<see cref="AtomicFile"/>); the directory is created with the first file,
    /// so a declined ShouldProcess leaves nothing behind, not even the directory.
    /// </summary>
    public class DirectoryFileSink : IFileSink
    {
        /// <summary>Files go to <paramref name="directory"/> (parameter OutputPath when empty).</summary>
        public DirectoryFileSink(string directory)
        {
            if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The output directory is empty.", "OutputPath");
            Location = directory;
        }

        /// <inheritdoc />
        public string Location { get; }

        /// <inheritdoc />
        public virtual void Write(string name, Action<Stream> write)
        {
            Directory.CreateDirectory(Location);
            AtomicFile.Write(Path.Combine(Location, name), write);
        }
    }
}
