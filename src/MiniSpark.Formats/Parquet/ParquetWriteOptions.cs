namespace MiniSpark;

/// <summary>Settings for writing Parquet files: compression, row group and page sizes, dictionary and decimal defaults.</summary>
/// <remarks>
/// Sizes are estimates of the uncompressed, encoded data held in memory before a row group or page is cut, as in
/// Spark's <c>parquet.block.size</c> and <c>parquet.page.size</c>. A dictionary is used per column chunk while it stays
/// under <see cref="DictionaryPageSizeLimit"/> and saves space; otherwise the chunk falls back to PLAIN.
/// </remarks>
public sealed class ParquetWriteOptions
{
    /// <summary>The defaults: Snappy (Zstandard level 3 when chosen), 128 MiB row groups, 1 MiB pages, dictionaries up to 1 MiB, decimal(38, 18).</summary>
    public static ParquetWriteOptions Default { get; } = new();

    /// <summary>Page compression; <see cref="ParquetCompression.Snappy"/> by default.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>Zstandard level when <see cref="Compression"/> is <see cref="ParquetCompression.Zstd"/>: 1 (fastest) to
    /// 22 (smallest, slowest to write); 3 by default, as in Spark. Reading speed hardly depends on it.</summary>
    public int ZstdLevel { get; init; } = 3;

    /// <summary>Estimated bytes buffered before a row group is written; 128 MiB by default.</summary>
    public long RowGroupSize { get; init; } = 128L << 20;

    /// <summary>Estimated encoded bytes per data page; 1 MiB by default.</summary>
    public int PageSize { get; init; } = 1 << 20;

    /// <summary>Most rows in one data page, so readers can skip within a chunk; 20 000 by default (parquet-mr's).</summary>
    public int PageRowLimit { get; init; } = 20_000;

    /// <summary>Whether columns may be dictionary-encoded; true by default.</summary>
    public bool EnableDictionary { get; init; } = true;

    /// <summary>Largest dictionary page, in bytes, before a column chunk falls back to PLAIN; 1 MiB by default.</summary>
    public int DictionaryPageSizeLimit { get; init; } = 1 << 20;

    /// <summary>Precision of <see cref="decimal"/> columns; 38 by default (stored as a 16-byte FIXED_LEN_BYTE_ARRAY).</summary>
    public int DecimalPrecision { get; init; } = 38;

    /// <summary>Scale of <see cref="decimal"/> columns; 18 by default. Values with more fraction digits are rounded half away from zero.</summary>
    public int DecimalScale { get; init; } = 18;

    /// <summary>Whether each page header carries a CRC-32 of the page; true by default.</summary>
    public bool WritePageChecksums { get; init; } = true;

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (RowGroupSize <= 0) throw new ArgumentException($"RowGroupSize must be positive, not {RowGroupSize}.", nameof(RowGroupSize));
        if (PageSize <= 0) throw new ArgumentException($"PageSize must be positive, not {PageSize}.", nameof(PageSize));
        if (PageRowLimit <= 0) throw new ArgumentException($"PageRowLimit must be positive, not {PageRowLimit}.", nameof(PageRowLimit));
        if (DictionaryPageSizeLimit < 0) throw new ArgumentException($"DictionaryPageSizeLimit must not be negative, not {DictionaryPageSizeLimit}.", nameof(DictionaryPageSizeLimit));
        if (DecimalPrecision is < 1 or > 38) throw new ArgumentException($"DecimalPrecision must be within 1..38, not {DecimalPrecision}.", nameof(DecimalPrecision));
        if (DecimalScale < 0 || DecimalScale > DecimalPrecision)
            throw new ArgumentException($"DecimalScale must be within 0..DecimalPrecision ({DecimalPrecision}), not {DecimalScale}.", nameof(DecimalScale));
        if (!Enum.IsDefined(Compression)) throw new ArgumentException($"Unknown compression {Compression}.", nameof(Compression));
        if (ZstdLevel is < 1 or > 22) throw new ArgumentException($"ZstdLevel must be within 1..22, not {ZstdLevel}.", nameof(ZstdLevel));
    }
}
