namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>A seekable stream (e.g. a MemoryStream in tests); reads are serialized because they share its position.</summary>
internal sealed class StreamParquetSource(Stream stream, string name, bool leaveOpen) : ParquetSource
{
    private readonly Lock _gate = new();

    public override string Name { get; } = name;

    public override long Length { get; } = stream.CanSeek ? stream.Length : throw new ArgumentException("Reading Parquet needs a seekable stream.", nameof(stream));

    public override void ReadExactly(long offset, Span<byte> buffer)
    {
        lock (_gate)
        {
            stream.Position = offset;
            stream.ReadExactly(buffer);
        }
    }

    public override void Dispose()
    {
        if (!leaveOpen) stream.Dispose();
    }
}
