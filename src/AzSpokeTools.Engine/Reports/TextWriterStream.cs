using System;
using System.IO;
using System.Text;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>Lets a <see cref="System.Text.Json.Utf8JsonWriter"/> stream into a <see cref="TextWriter"/> (standard output).</summary>
    internal sealed class TextWriterStream : Stream
    {
        private readonly TextWriter _writer;
        // A decoder keeps a multi-byte character that straddles two writes whole.
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

        public TextWriterStream(TextWriter writer) => _writer = writer;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => _writer.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            var chars = new char[_decoder.GetCharCount(buffer, offset, count, flush: false)];
            int n = _decoder.GetChars(buffer, offset, count, chars, 0, flush: false);
            _writer.Write(chars, 0, n);
        }
    }
}
