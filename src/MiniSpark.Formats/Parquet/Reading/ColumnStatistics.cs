using MiniSpark.Formats.Parquet;
using MiniSpark.Formats.Parquet.Reading;
using System.Buffers.Binary;
using System.Text;
using MiniSpark.Formats.Parquet.Mapping;
using MiniSpark.Formats.Parquet.Mapping.Converters;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark;

/// <summary>A column chunk's statistics, with min and max decoded to the column's natural CLR type.</summary>
/// <remarks>
/// Bounds are taken only when their order is known to match the type: min_value/max_value under TYPE_ORDER (or when
/// the file lists no column orders), else the deprecated min/max only for signed types, whose legacy order was right.
/// NaN bounds, undecodable bounds and truncated UTF-8 are dropped: a missing bound never prunes a row group.
/// </remarks>
public sealed class ColumnStatistics
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    internal ColumnDescriptor Column { get; init; } = null!;

    /// <summary>Values in the chunk, nulls included.</summary>
    public long ValueCount { get; init; }

    /// <summary>Nulls in the chunk, when the writer recorded them.</summary>
    public long? NullCount { get; init; }

    /// <summary>Distinct values in the chunk, when the writer recorded them.</summary>
    public long? DistinctCount { get; init; }
    /// <summary>Lower bound of the non-null values, or null when unknown.</summary>
    public object? Min { get; init; }
    /// <summary>Upper bound of the non-null values, or null when unknown.</summary>
    public object? Max { get; init; }

    /// <summary>Whether every value is null (known from the null count).</summary>
    public bool AllNull => NullCount is long nulls && nulls >= ValueCount;

    internal static ColumnStatistics? Create(ColumnDescriptor column, ColumnMetaData meta, List<int>? columnOrders, string source)
    {
        Statistics? statistics = meta.Statistics;
        if (statistics is null) return null;
        byte[]? min = null, max = null;
        bool typeOrder = columnOrders is null || (column.Index < columnOrders.Count && columnOrders[column.Index] == 1);
        if (typeOrder && (statistics.MinValue is not null || statistics.MaxValue is not null))
        {
            min = statistics.MinValue;
            max = statistics.MaxValue;
        }
        else if (HasSignedOrder(column))
        {
            min = statistics.Min;
            max = statistics.Max;
        }
        object? minValue = Decode(column, min);
        object? maxValue = Decode(column, max);
        if (minValue is null || maxValue is null) minValue = maxValue = null; // keep bounds in pairs: NaN rules and the like
        return new ColumnStatistics
        {
            Column = column,
            ValueCount = meta.NumValues,
            NullCount = statistics.NullCount is >= 0 ? statistics.NullCount : null,
            DistinctCount = statistics.DistinctCount,
            Min = minValue,
            Max = maxValue,
        };
    }

    private static bool HasSignedOrder(ColumnDescriptor column) => column.Kind switch
    {
        ValueKind.Boolean or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Int8 or ValueKind.Int16 or ValueKind.Float or ValueKind.Double
            or ValueKind.Date or ValueKind.TimestampMillis or ValueKind.TimestampMicros or ValueKind.TimestampNanos
            or ValueKind.TimeMillis or ValueKind.TimeMicros or ValueKind.TimeNanos => true,
        ValueKind.Decimal => column.PhysicalType is PhysicalType.Int32 or PhysicalType.Int64,
        _ => false,
    };

    private static object? Decode(ColumnDescriptor column, byte[]? bytes)
    {
        if (bytes is null || column.Unsupported is not null) return null;
        DateTimeKind kind = column.IsAdjustedToUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified;
        try
        {
            switch (column.PhysicalType)
            {
                case PhysicalType.Boolean when bytes.Length == 1:
                    return bytes[0] != 0;
                case PhysicalType.Int32 when bytes.Length == 4:
                {
                    int value = BinaryPrimitives.ReadInt32LittleEndian(bytes);
                    return column.Kind switch
                    {
                        ValueKind.Int32 => value,
                        ValueKind.Int8 => (sbyte)value,
                        ValueKind.Int16 => (short)value,
                        ValueKind.UInt8 => (byte)value,
                        ValueKind.UInt16 => (ushort)value,
                        ValueKind.UInt32 => (uint)value,
                        ValueKind.Date => new DateConverter().ConvertOrNull(value),
                        ValueKind.TimeMillis => new TimeConverter<int>(TimeSpan.TicksPerMillisecond, 1).ConvertOrNull(value),
                        ValueKind.Decimal => DecimalDecoding.FromUnscaled(value, column.DecimalScale),
                        _ => null,
                    };
                }
                case PhysicalType.Int64 when bytes.Length == 8:
                {
                    long value = BinaryPrimitives.ReadInt64LittleEndian(bytes);
                    return column.Kind switch
                    {
                        ValueKind.Int64 => value,
                        ValueKind.UInt64 => (ulong)value,
                        ValueKind.TimestampMillis => TimestampConverter.Millis(kind).ConvertOrNull(value),
                        ValueKind.TimestampMicros => TimestampConverter.Micros(kind).ConvertOrNull(value),
                        ValueKind.TimestampNanos => TimestampConverter.Nanos(kind).ConvertOrNull(value),
                        ValueKind.TimeMicros => new TimeConverter<long>(TimeSpan.TicksPerMicrosecond, 1).ConvertOrNull(value),
                        ValueKind.TimeNanos => new TimeConverter<long>(1, 100).ConvertOrNull(value),
                        ValueKind.Decimal => DecimalDecoding.FromUnscaled(value, column.DecimalScale),
                        _ => null,
                    };
                }
                case PhysicalType.Float when bytes.Length == 4:
                {
                    float value = BinaryPrimitives.ReadSingleLittleEndian(bytes);
                    return float.IsNaN(value) ? null : value;
                }
                case PhysicalType.Double when bytes.Length == 8:
                {
                    double value = BinaryPrimitives.ReadDoubleLittleEndian(bytes);
                    return double.IsNaN(value) ? null : value;
                }
                case PhysicalType.ByteArray:
                case PhysicalType.FixedLenByteArray:
                    return column.Kind switch
                    {
                        ValueKind.String => StrictUtf8.GetString(bytes),
                        ValueKind.Binary => bytes,
                        ValueKind.Decimal => DecimalDecoding.FromUnscaled(DecimalDecoding.ReadBigEndian(bytes), column.DecimalScale),
                        _ => null,
                    };
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentException or DecoderFallbackException)
        {
            return null; // an unusable bound just means no pruning on it
        }
    }
}
