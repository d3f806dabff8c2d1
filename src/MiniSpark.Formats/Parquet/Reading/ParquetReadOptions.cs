namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Settings for reading Parquet files.</summary>
internal sealed class ParquetReadOptions
{
    public static ParquetReadOptions Default { get; } = new();

    /// <summary>Whether a page whose header carries a CRC is checked against it (a mismatch is a format error); true by default.</summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>Most values one column chunk may declare; 2^28 by default.</summary>
    /// <remarks>
    /// Run-length encoding lets a few bytes stand for any number of values, so a crafted file could otherwise make
    /// the reader allocate without bound. Real row groups stay far below this; raise it for exceptional files.
    /// </remarks>
    public long MaxValuesPerColumnChunk { get; init; } = 1 << 28;
}
