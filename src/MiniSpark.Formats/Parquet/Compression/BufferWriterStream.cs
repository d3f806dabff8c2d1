using System.Buffers;

namespace MiniSpark.Formats.Parquet.Compression;

/// <summary>A write-only stream that appends to an <see cref="ArrayBufferWriter{T}"/> (for GZipStream output).</summary>
internal sealed class BufferWriterStream(ArrayBufferWriter<byte> target) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => target.WrittenCount;
    public override long Position { get => target.WrittenCount; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => target.Write(buffer.AsSpan(offset, count));
    public override void Write(ReadOnlySpan<byte> buffer) => target.Write(buffer);
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
