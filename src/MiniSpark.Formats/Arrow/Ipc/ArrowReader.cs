using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Ipc;

/// <summary>Reads record batches from an Arrow IPC file or stream; <see cref="Open"/> tells them apart by the magic.</summary>
internal abstract class ArrowReader(string source) : IDisposable
{
    /// <summary>The file name (or caller-given name) that errors cite.</summary>
    public string Source { get; } = source;

    public abstract ArrowSchema Schema { get; }

    /// <summary>Absolute offset of the schema's metadata, cited when the schema does not fit what a caller asks for.</summary>
    public abstract long SchemaOffset { get; }

    /// <summary>Decodes the remaining record batches in order.</summary>
    public abstract IEnumerable<ArrowRecordBatch> ReadBatches();

    /// <summary>Opens <paramref name="path"/> as the file format when it starts with "ARROW1", else as a stream.</summary>
    public static ArrowReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return Create(stream, path, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="stream"/>; a seekable stream is sniffed for the file format, others read as streams.</summary>
    public static ArrowReader Create(Stream stream, string source, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek)
        {
            long start = stream.Position;
            Span<byte> magic = stackalloc byte[6];
            int read = ArrowStreams.ReadUpTo(stream, magic);
            stream.Position = start;
            if (read == 6 && magic.SequenceEqual("ARROW1"u8)) return new ArrowFileReader(stream, source, leaveOpen);
        }
        return new ArrowStreamReader(stream, source, leaveOpen);
    }

    public abstract void Dispose();
}
