namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Random access to the bytes of one Parquet file, safe for concurrent row-group reads.</summary>
internal abstract class ParquetSource : IDisposable
{
    /// <summary>The file name used in error messages.</summary>
    public abstract string Name { get; }

    public abstract long Length { get; }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; the caller has checked the range.</summary>
    public abstract void ReadExactly(long offset, Span<byte> buffer);

    public abstract void Dispose();
}
