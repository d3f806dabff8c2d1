namespace MiniSpark.Formats.Parquet.Schema;

/// <summary>What a leaf column's values mean, from its physical type and logical / converted annotation.</summary>
/// <remarks>Each kind has one natural CLR type (see <see cref="ColumnDescriptor.NaturalType"/>) that readers produce.</remarks>
internal enum ValueKind
{
    Boolean,
    Int32,
    Int64,
    Int8,
    Int16,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float,
    Double,
    Float16,
    String,
    Binary,
    Date,
    TimestampMillis,
    TimestampMicros,
    TimestampNanos,
    Int96Timestamp,
    Decimal,
    Uuid,
    TimeMillis,
    TimeMicros,
    TimeNanos,
    /// <summary>LogicalType UNKNOWN: the column only ever holds nulls.</summary>
    Null,
}
