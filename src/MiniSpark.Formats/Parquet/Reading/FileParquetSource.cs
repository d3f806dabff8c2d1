using Microsoft.Win32.SafeHandles;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>A file on disk read with positional reads (no shared seek position), so row groups can be read in parallel.</summary>
internal sealed class FileParquetSource : ParquetSource
{
    private readonly SafeFileHandle _handle;

    public FileParquetSource(string path)
    {
        Name = path;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        Length = RandomAccess.GetLength(_handle);
    }

    public override string Name { get; }

    public override long Length { get; }

    public override void ReadExactly(long offset, Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int read = RandomAccess.Read(_handle, buffer, offset);
            if (read == 0) throw new EndOfStreamException($"Parquet file '{Name}' ended at byte {offset} while reading; was it truncated while open?");
            buffer = buffer[read..];
            offset += read;
        }
    }

    public override void Dispose() => _handle.Dispose();
}
