using System;
using System.IO;

namespace AzSpokeTools.Azure.Snapshot
{
    /// <summary>
    /// A snapshot kept in memory for the loader: a live read goes exporter to loader without a file, and a failed or cancelled
    /// export leaves nothing anywhere. The committed document is read back with <see cref="OpenRead"/>.
    /// </summary>
    public sealed class MemorySnapshotSink : SnapshotSink
    {
        private MemoryStream? _buffer;

        /// <param name="name">What the snapshot is called in the export summary and in load messages (what was read).</param>
        public MemorySnapshotSink(string name)
        {
            Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("The snapshot needs a name.", nameof(name)) : name;
        }

        /// <inheritdoc />
        public override string Name { get; }

        /// <summary>Bytes of the committed document.</summary>
        public long Length => Committed ? _buffer!.Length : 0;

        /// <summary>The committed document, read-only, from its start.</summary>
        /// <exception cref="InvalidOperationException">The export did not commit (it failed or was cancelled).</exception>
        public Stream OpenRead()
        {
            if (!Committed || _buffer == null) throw new InvalidOperationException("The snapshot is not complete: the export did not commit it.");
            return new MemoryStream(_buffer.GetBuffer(), 0, (int)_buffer.Length, writable: false);
        }

        /// <inheritdoc />
        protected internal override Stream Open()
        {
            if (_buffer != null) throw new InvalidOperationException("The snapshot is already open.");
            _buffer = new MemoryStream();
            return new KeepOpen(_buffer);
        }

        /// <inheritdoc />
        protected override void Keep()
        {
            if (_buffer == null) throw new InvalidOperationException("Nothing was written.");
        }

        /// <inheritdoc />
        public override void Dispose()
        {
            if (!Committed) _buffer = null;
        }

        /// <summary>The buffer as the writer sees it: its disposal does not drop the bytes the loader is to read.</summary>
        private sealed class KeepOpen : Stream
        {
            private readonly MemoryStream _inner;

            public KeepOpen(MemoryStream inner) => _inner = inner;

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => _inner.Length;
            public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
        }
    }
}
