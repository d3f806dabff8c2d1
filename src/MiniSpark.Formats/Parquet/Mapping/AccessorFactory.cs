using MiniSpark.Formats.Parquet.Mapping.Converters;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Creates the accessor that reads a decoded column as its natural CLR type (<see cref="ColumnDescriptor.NaturalType"/>).</summary>
internal static class AccessorFactory
{
    /// <summary>A <see cref="ColumnAccessor{T}"/> of the column's natural type over <paramref name="data"/>.</summary>
    public static ColumnAccessor CreateNatural(ColumnData data, string source)
    {
        ColumnDescriptor column = data.Column;
        DateTimeKind kind = column.IsAdjustedToUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified;
        return (column.Kind, data) switch
        {
            (ValueKind.Null, _) => NullAccessor<object?>.Instance,
            (ValueKind.Boolean, PrimitiveColumnData<bool> d) => Primitive(d, new IdentityConverter<bool>(), source),
            (ValueKind.Int32, PrimitiveColumnData<int> d) => Primitive(d, new IdentityConverter<int>(), source),
            (ValueKind.Int64, PrimitiveColumnData<long> d) => Primitive(d, new IdentityConverter<long>(), source),
            (ValueKind.Float, PrimitiveColumnData<float> d) => Primitive(d, new IdentityConverter<float>(), source),
            (ValueKind.Double, PrimitiveColumnData<double> d) => Primitive(d, new IdentityConverter<double>(), source),
            (ValueKind.Int8, PrimitiveColumnData<int> d) => Primitive<int, sbyte, IntegerConverter<int, sbyte>>(d, default, source),
            (ValueKind.Int16, PrimitiveColumnData<int> d) => Primitive<int, short, IntegerConverter<int, short>>(d, default, source),
            (ValueKind.UInt8, PrimitiveColumnData<int> d) => Primitive<int, byte, IntegerConverter<int, byte>>(d, default, source),
            (ValueKind.UInt16, PrimitiveColumnData<int> d) => Primitive<int, ushort, IntegerConverter<int, ushort>>(d, default, source),
            (ValueKind.UInt32, PrimitiveColumnData<int> d) => Primitive<int, uint, IntegerConverter<int, uint>>(d, default, source),
            (ValueKind.UInt64, PrimitiveColumnData<long> d) => Primitive<long, ulong, IntegerConverter<long, ulong>>(d, default, source),
            (ValueKind.Date, PrimitiveColumnData<int> d) => Primitive(d, new DateConverter(), source),
            (ValueKind.TimeMillis, PrimitiveColumnData<int> d) => Primitive(d, new TimeConverter<int>(TimeSpan.TicksPerMillisecond, 1), source),
            (ValueKind.TimeMicros, PrimitiveColumnData<long> d) => Primitive(d, new TimeConverter<long>(TimeSpan.TicksPerMicrosecond, 1), source),
            (ValueKind.TimeNanos, PrimitiveColumnData<long> d) => Primitive(d, new TimeConverter<long>(1, 100), source),
            (ValueKind.TimestampMillis, PrimitiveColumnData<long> d) => Primitive(d, TimestampConverter.Millis(kind), source),
            (ValueKind.TimestampMicros, PrimitiveColumnData<long> d) => Primitive(d, TimestampConverter.Micros(kind), source),
            (ValueKind.TimestampNanos, PrimitiveColumnData<long> d) => Primitive(d, TimestampConverter.Nanos(kind), source),
            (ValueKind.Int96Timestamp, PrimitiveColumnData<Int96> d) => Primitive(d, new Int96Converter(), source),
            (ValueKind.Decimal, PrimitiveColumnData<int> d) => Primitive(d, new IntegerDecimalConverter<int>(column.DecimalScale), source),
            (ValueKind.Decimal, PrimitiveColumnData<long> d) => Primitive(d, new IntegerDecimalConverter<long>(column.DecimalScale), source),
            (ValueKind.Decimal, BinaryColumnData d) => new BinaryAccessor<decimal, BinaryDecimalConverter>(d, new BinaryDecimalConverter(column.DecimalScale), source),
            (ValueKind.String, BinaryColumnData d) => new BinaryAccessor<string, Utf8Converter>(d, default, source),
            (ValueKind.Binary, BinaryColumnData d) => new BinaryAccessor<byte[], BytesConverter>(d, default, source),
            (ValueKind.Uuid, BinaryColumnData d) => new BinaryAccessor<Guid, UuidConverter>(d, default, source),
            (ValueKind.Float16, BinaryColumnData d) => new BinaryAccessor<Half, Float16Converter>(d, default, source),
            _ => throw ParquetErrors.Unsupported(source, $"{column.Kind} values stored as {column.PhysicalType} (column '{column.DottedPath}')"),
        };
    }

    private static PrimitiveAccessor<TIn, TOut, TConverter> Primitive<TIn, TOut, TConverter>(PrimitiveColumnData<TIn> data, TConverter converter, string source)
        where TIn : struct
        where TConverter : struct, IValueConverter<TIn, TOut> => new(data, converter, source);

    private static PrimitiveAccessor<T, T, IdentityConverter<T>> Primitive<T>(PrimitiveColumnData<T> data, IdentityConverter<T> converter, string source)
        where T : struct => new(data, converter, source);

    private static PrimitiveAccessor<int, DateOnly, DateConverter> Primitive(PrimitiveColumnData<int> data, DateConverter converter, string source) => new(data, converter, source);

    private static PrimitiveAccessor<TIn, TimeSpan, TimeConverter<TIn>> Primitive<TIn>(PrimitiveColumnData<TIn> data, TimeConverter<TIn> converter, string source)
        where TIn : struct, System.Numerics.IBinaryInteger<TIn> => new(data, converter, source);

    private static PrimitiveAccessor<long, DateTime, TimestampConverter> Primitive(PrimitiveColumnData<long> data, TimestampConverter converter, string source) => new(data, converter, source);

    private static PrimitiveAccessor<Int96, DateTime, Int96Converter> Primitive(PrimitiveColumnData<Int96> data, Int96Converter converter, string source) => new(data, converter, source);

    private static PrimitiveAccessor<TIn, decimal, IntegerDecimalConverter<TIn>> Primitive<TIn>(PrimitiveColumnData<TIn> data, IntegerDecimalConverter<TIn> converter, string source)
        where TIn : struct, System.Numerics.IBinaryInteger<TIn> => new(data, converter, source);
}
