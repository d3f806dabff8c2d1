namespace MiniSpark;

/// <summary>How Parquet pages are compressed when MiniSpark writes them.</summary>
public enum ParquetCompression
{
    /// <summary>Pages are stored as encoded, uncompressed.</summary>
    None = 0,

    /// <summary>Snappy: fast, moderate ratio; Spark's default.</summary>
    Snappy = 1,

    /// <summary>Gzip (deflate): slower, smaller files.</summary>
    Gzip = 2,

    /// <summary>Zstandard: smaller files than Snappy, faster than gzip; the level is
    /// <see cref="ParquetWriteOptions.ZstdLevel"/> (3 by default).</summary>
    Zstd = 3,
}
