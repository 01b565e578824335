using System;
using System.IO;

namespace AzSpokeTools.Azure.Snapshot
{
    /// <summary>
    /// Where an export's snapshot document goes. The export writes it as it reads Azure (<see cref="SnapshotWriter"/>) and commits
    /// it only when the whole capture succeeded; a sink disposed without a commit (a failure, Ctrl+C) keeps nothing. Two kinds:
    /// <see cref="FileSnapshotSink"/>, when the user asked for a file (Export-SpokeTopology, <c>azspoke export</c>), written
    /// atomically; <see cref="MemorySnapshotSink"/>, when the snapshot goes straight to the loader (the cmdlets' live reads), so no
    /// file is ever written.
    /// </summary>
    public abstract class SnapshotSink : IDisposable
    {
        /// <summary>What the snapshot is called in the export summary and in load messages: a file's full path, or a description.</summary>
        public abstract string Name { get; }

        /// <summary>True once <see cref="Commit"/> has run.</summary>
        public bool Committed { get; private set; }

        /// <summary>The stream the document is written to; called once, by the writer.</summary>
        protected internal abstract Stream Open();

        /// <summary>Keeps the complete document (the file renamed into place, the bytes ready to read).</summary>
        protected internal void Commit()
        {
            Keep();
            Committed = true;
        }

        /// <summary>Makes the written document visible.</summary>
        protected abstract void Keep();

        /// <summary>Closes the sink; without a commit, discards what was written.</summary>
        public abstract void Dispose();
    }
}
