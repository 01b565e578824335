using System;
using System.IO;

namespace AzSpokeTools.Engine.Hosting
{
    /// <summary>
    /// Where a request writes the files a user asked for (the migration plan's file set): the host supplies it (a directory of
    /// atomic files, <see cref="DirectoryFileSink"/>, or one that reports its own errors), the engine decides which files, asks
    /// <see cref="IEngineHost.ShouldProcess"/> first, and writes them through it.
    /// </summary>
    public interface IFileSink
    {
        /// <summary>Where the files go (a directory), named in the ShouldProcess question.</summary>
        string Location { get; }

        /// <summary>Writes the file <paramref name="name"/> with <paramref name="write"/>, whole or not at all.</summary>
        void Write(string name, Action<Stream> write);
    }
}
