using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Schema;

/// <summary>A leaf (primitive) column of a file's schema: its path, levels, physical type and meaning.</summary>
/// <remarks>
/// <see cref="Unsupported"/> is set (instead of failing the whole file) when the column's annotation cannot be
/// read; reading that column then fails with a <see cref="NotSupportedException"/> naming it.
/// </remarks>
internal sealed class ColumnDescriptor
{
    public required int Index { get; init; }
    public required string[] Path { get; init; }
    public required SchemaElement Element { get; init; }
    public required PhysicalType PhysicalType { get; init; }
    /// <summary>Bytes per value of a FIXED_LEN_BYTE_ARRAY column; otherwise 0.</summary>
    public required int TypeLength { get; init; }
    public required int MaxDefinitionLevel { get; init; }
    public required int MaxRepetitionLevel { get; init; }
    public required ValueKind Kind { get; init; }
    public int DecimalPrecision { get; init; }
    public int DecimalScale { get; init; }
    /// <summary>TIMESTAMP / TIME: whether values are UTC instants (DateTime kind Utc) or local wall-clock times.</summary>
    public bool IsAdjustedToUtc { get; init; }
    /// <summary>Why this column cannot be read, or null when it can.</summary>
    public string? Unsupported { get; init; }

    /// <summary>Dotted path, e.g. <c>a.list.element</c>.</summary>
    public string DottedPath => string.Join('.', Path);

    public bool IsRequired => MaxDefinitionLevel == 0;

    /// <summary>The CLR type readers produce for this column's values.</summary>
    public Type NaturalType => NaturalTypeOf(Kind);

    public static Type NaturalTypeOf(ValueKind kind) => kind switch
    {
        ValueKind.Boolean => typeof(bool),
        ValueKind.Int32 => typeof(int),
        ValueKind.Int64 => typeof(long),
        ValueKind.Int8 => typeof(sbyte),
        ValueKind.Int16 => typeof(short),
        ValueKind.UInt8 => typeof(byte),
        ValueKind.UInt16 => typeof(ushort),
        ValueKind.UInt32 => typeof(uint),
        ValueKind.UInt64 => typeof(ulong),
        ValueKind.Float => typeof(float),
        ValueKind.Double => typeof(double),
        ValueKind.Float16 => typeof(Half),
        ValueKind.String => typeof(string),
        ValueKind.Binary => typeof(byte[]),
        ValueKind.Date => typeof(DateOnly),
        ValueKind.TimestampMillis or ValueKind.TimestampMicros or ValueKind.TimestampNanos or ValueKind.Int96Timestamp => typeof(DateTime),
        ValueKind.Decimal => typeof(decimal),
        ValueKind.Uuid => typeof(Guid),
        ValueKind.TimeMillis or ValueKind.TimeMicros or ValueKind.TimeNanos => typeof(TimeSpan),
        _ => typeof(object),
    };
}
