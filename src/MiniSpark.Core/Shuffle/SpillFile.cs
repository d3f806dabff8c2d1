using MiniSpark.Serialization;

namespace MiniSpark.Shuffle;

/// <summary>A file of consecutive segments, each a self-contained record stream (checksummed chunks and a count),
/// written under <c>spark.local.dir</c>: spill runs and on-disk map outputs.</summary>
/// <remarks>A failed write (a full disk) deletes the partial file and throws an <see cref="IOException"/> naming it,
/// so no half-written file is ever read.</remarks>
internal sealed class SpillFile : IDisposable
{
    /// <summary>Test hook: wraps the stream a spill writes to (to simulate a full disk).</summary>
    internal static Func<Stream, string, Stream>? StreamInterceptor { get; set; }

    private readonly List<long> _offsets = [0];
    private FileStream? _stream;
    private Stream? _writeStream;

    private SpillFile(string path)
    {
        Path = path;
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 1 << 16);
        _writeStream = StreamInterceptor?.Invoke(_stream, path) ?? _stream;
    }

    public string Path { get; }

    /// <summary>Bytes written so far.</summary>
    public long Length => _offsets[^1];

    public int SegmentCount => _offsets.Count - 1;

    public static SpillFile Create(string directory, string prefix)
    {
        Directory.CreateDirectory(directory);
        return new SpillFile(System.IO.Path.Combine(directory, $"{prefix}-{Guid.NewGuid():N}.spill"));
    }

    /// <summary>Appends one segment holding <paramref name="records"/>; returns its index.</summary>
    public int WriteSegment<T>(IEnumerable<T> records)
    {
        Stream stream = _writeStream ?? throw new InvalidOperationException($"Spill file '{Path}' is closed for writing.");
        try
        {
            Serializer.WriteAll(stream, records);
            stream.Flush();
        }
        catch (IOException e)
        {
            Dispose();
            throw new IOException($"Writing spill file '{Path}' failed (is spark.local.dir full?): {e.Message}", e);
        }
        catch
        {
            Dispose();
            throw;
        }
        _offsets.Add(_stream!.Position);
        return _offsets.Count - 2;
    }

    /// <summary>Ends writing; the segments stay readable.</summary>
    public SpillFile Seal()
    {
        _stream?.Flush();
        _stream?.Dispose();
        _stream = null;
        _writeStream = null;
        return this;
    }

    public long SegmentLength(int segment) => _offsets[segment + 1] - _offsets[segment];

    /// <summary>The records of one segment, read lazily from its own file handle (several readers may read at once).</summary>
    public IEnumerable<T> ReadSegment<T>(int segment)
    {
        long start = _offsets[segment];
        long length = _offsets[segment + 1] - start;
        return length == 0 ? [] : Read<T>(Path, start, length);
    }

    private static IEnumerable<T> Read<T>(string path, long start, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16,
            FileOptions.SequentialScan);
        file.Position = start;
        using var segment = new BoundedStream(file, length);
        foreach (T record in Serializer.ReadAll<T>(segment)) yield return record;
    }

    /// <summary>Deletes the file.</summary>
    public void Dispose()
    {
        _writeStream = null;
        _stream?.Dispose();
        _stream = null;
        try { File.Delete(Path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A read-only window of <c>length</c> bytes of another stream, from its current position.</summary>
internal sealed class BoundedStream(Stream inner, long length) : Stream
{
    private long _remaining = length;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_remaining <= 0) return 0;
        int read = inner.Read(buffer[..(int)Math.Min(buffer.Length, _remaining)]);
        _remaining -= read;
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
