using System.IO.Compression;

namespace MiniSpark.Input;

/// <summary>Decompresses a gzip file (one or more members) and fails when it is truncated, where
/// <see cref="GZipStream"/> would just end early.</summary>
/// <remarks>
/// <para>.NET's <see cref="GZipStream"/> checks each member's CRC and length, but when the compressed data stops before
/// a member's end it reports the end of the stream: a file cut short (an interrupted copy, a full disk) would read as
/// fewer lines, silently. Hadoop and Spark fail such a file ("unexpected end of input stream"); so do we.</para>
/// <para>The check: a small complete gzip member whose content is a per-process random marker is appended after the
/// file's bytes. A complete file ends its last member, then the decompressor reads the appended member and its
/// output ends with the marker, which is removed. A truncated file makes the decompressor take the appended bytes as
/// the rest of the cut member: decoding fails, or the output does not end with the marker. Bytes after the last
/// member that are not gzip data end decompression before the marker too, and fail the same way, as in Hadoop.</para>
/// </remarks>
internal sealed class CheckedGzipStream : Stream
{
    private const int BufferSize = 64 * 1024;
    private static readonly byte[] Marker = Guid.NewGuid().ToByteArray();
    private static readonly byte[] MarkerMember = Compress(Marker);

    private readonly GZipStream _gzip;
    private readonly AppendedStream _compressed;
    private readonly string _path;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private long _delivered;
    private bool _decoderEnded;

    private CheckedGzipStream(Stream compressed, string path, bool leaveOpen)
    {
        _path = path;
        _compressed = new AppendedStream(compressed, MarkerMember, leaveOpen);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
    }

    /// <summary>The decompressed content of <paramref name="compressed"/>, read from its current position.</summary>
    /// <param name="compressed">The gzip file's bytes.</param>
    /// <param name="path">The file, for error messages.</param>
    /// <param name="leaveOpen">Whether disposing the result leaves <paramref name="compressed"/> open.</param>
    public static Stream Decompress(Stream compressed, string path, bool leaveOpen = false) =>
        new CheckedGzipStream(compressed, path, leaveOpen);

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty) return 0;
        // The last Marker.Length decompressed bytes are held back until the end shows whether they are the marker.
        while (_end - _start <= Marker.Length && !_decoderEnded) Fill();
        int available = _end - _start - Marker.Length;
        if (_decoderEnded && available <= 0)
        {
            EnsureMarkerAtEnd();
            return 0;
        }
        int count = Math.Min(available, destination.Length);
        _buffer.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        _delivered += count;
        if (_decoderEnded && _end - _start == Marker.Length) EnsureMarkerAtEnd();
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_end, _start) = (_end - _start, 0);
        }
        int read;
        try
        {
            read = _gzip.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException e) when (_compressed.ReachedAppended)
        {
            throw Truncated(e);
        }
        if (read == 0) _decoderEnded = true;
        _end += read;
    }

    private void EnsureMarkerAtEnd()
    {
        if (_end - _start != Marker.Length || !_buffer.AsSpan(_start, Marker.Length).SequenceEqual(Marker)) throw Truncated(null);
    }

    private InvalidDataException Truncated(Exception? inner) =>
        new($"Input file '{_path}' is not a complete gzip file: its compressed data ends early (truncated) or is followed by " +
            $"bytes that are not gzip data; {_delivered} decompressed bytes were read before the problem.", inner);

    private static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(content);
        return output.ToArray();
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _delivered; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>A stream's bytes followed by a fixed tail.</summary>
    private sealed class AppendedStream(Stream inner, byte[] tail, bool leaveOpen) : Stream
    {
        private int _tailPosition;

        /// <summary>True once any byte of the tail was read: the inner stream is exhausted.</summary>
        public bool ReachedAppended { get; private set; }

        public override int Read(Span<byte> destination)
        {
            if (!ReachedAppended)
            {
                int read = inner.Read(destination);
                if (read > 0 || destination.IsEmpty) return read;
                ReachedAppended = true;
            }
            int count = Math.Min(destination.Length, tail.Length - _tailPosition);
            tail.AsSpan(_tailPosition, count).CopyTo(destination);
            _tailPosition += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
