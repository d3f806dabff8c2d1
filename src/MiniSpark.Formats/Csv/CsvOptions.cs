namespace MiniSpark;

/// <summary>Options of <see cref="CsvExtensions.ReadCsv{T}"/>.</summary>
public sealed class CsvReadOptions
{
    /// <summary>What to do with a malformed record: fail (the default) or skip and count it.</summary>
    public ReadMode Mode { get; init; } = ReadMode.FailFast;

    /// <summary>Counts the records skipped in <see cref="ReadMode.Permissive"/> mode. Pass an accumulator from
    /// <see cref="SparkContext.LongAccumulator"/>, or leave it null: a permissive read then registers one and stores
    /// it here, to read after an action. Like any accumulator updated while reading, it counts once per partition
    /// for each action that reads the files (cache the dataset to read them once).</summary>
    public LongAccumulator? BadRecords { get; set; }

    /// <summary>Whether each file starts with a header row naming the columns (the default). Without one, fields
    /// map to the properties by position, in declaration order (a positional record's parameter order).</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The field separator: an ASCII character other than the quote, <c>\r</c> and <c>\n</c>. Default <c>,</c>.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The minimum number of partitions; large files are split by byte ranges at record boundaries. Null
    /// for <see cref="SparkContext.DefaultMinPartitions"/>.</summary>
    public int? MinPartitions { get; init; }
}

/// <summary>Options of <see cref="CsvExtensions.SaveAsCsv{T}"/>.</summary>
public sealed class CsvWriteOptions
{
    /// <summary>Whether each part file starts with a header row of the property names (the default).</summary>
    public bool WriteHeader { get; init; } = true;

    /// <summary>The field separator: an ASCII character other than the quote, <c>\r</c> and <c>\n</c>. Default <c>,</c>.</summary>
    public char Delimiter { get; init; } = ',';
}
