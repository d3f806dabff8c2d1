namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Settings for reading Parquet files.</summary>
internal sealed class ParquetReadOptions
{
    public static ParquetReadOptions Default { get; } = new();

    /// <summary>Whether a page whose header carries a CRC is checked against it (a mismatch is a format error); true by default.</summary>
    public bool VerifyChecksums { get; init; } = true;
}
