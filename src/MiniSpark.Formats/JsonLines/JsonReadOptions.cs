using System.Text.Json;

namespace MiniSpark;

/// <summary>Options of <see cref="JsonLinesExtensions.ReadJsonLines{T}"/>.</summary>
public sealed class JsonReadOptions
{
    /// <summary>What to do with a malformed line: fail (the default) or skip and count it.</summary>
    public ReadMode Mode { get; init; } = ReadMode.FailFast;

    /// <summary>Counts the lines skipped in <see cref="ReadMode.Permissive"/> mode. Pass an accumulator from
    /// <see cref="SparkContext.LongAccumulator"/>, or leave it null: a permissive read then registers one and stores
    /// it here, to read after an action. Like any accumulator updated while reading, it counts once per partition
    /// for each action that reads the files (cache the dataset to read them once).</summary>
    public LongAccumulator? BadRecords { get; set; }

    /// <summary>The minimum number of partitions; files are split by byte ranges like <see cref="SparkContext.TextFile"/>.
    /// Null for <see cref="SparkContext.DefaultMinPartitions"/>.</summary>
    public int? MinPartitions { get; init; }

    /// <summary>Serializer options (converters, naming); null for the defaults. Property names always match
    /// case-insensitively.</summary>
    public JsonSerializerOptions? SerializerOptions { get; init; }
}

/// <summary>Options of <see cref="JsonLinesExtensions.SaveAsJsonLines{T}"/>.</summary>
public sealed class JsonWriteOptions
{
    /// <summary>Serializer options (converters, naming, ignoring nulls); null for the defaults: property names as
    /// declared, nulls written, non-ASCII characters written as UTF-8. Output is never indented: one record per line.</summary>
    public JsonSerializerOptions? SerializerOptions { get; init; }
}
