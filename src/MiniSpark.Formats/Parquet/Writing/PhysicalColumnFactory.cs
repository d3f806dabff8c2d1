using System.Text;
using MiniSpark.Formats.Parquet.Encodings;
using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>Converts a <see cref="ColumnBuffer{T}"/> into its non-null physical values and null mask.</summary>
/// <remarks>
/// Dates become days since 1970-01-01; timestamps microseconds since the Unix epoch in UTC (a local
/// <see cref="DateTime"/> is converted, an unspecified one is taken as UTC); decimals their unscaled integers.
/// </remarks>
internal static class PhysicalColumnFactory
{
    private const long UnixEpochTicks = 621_355_968_000_000_000L;
    private static readonly int UnixEpochDay = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>The physical values of <paramref name="buffer"/>; <paramref name="isNull"/> gets one flag per row.</summary>
    public static PhysicalColumn Create(ParquetField field, ColumnBuffer buffer, Span<bool> isNull, out long nullCount)
    {
        if (buffer.ValueType != field.ClrType)
            throw new ArgumentException($"Column '{field.Name}' of type {field.Type} needs {field.ClrType.Name} values, not {buffer.ValueType.Name}.");
        ReadOnlySpan<bool> nulls = buffer.Nulls;
        if (nulls.IsEmpty) isNull.Clear();
        else nulls.CopyTo(isNull);
        return field.Type switch
        {
            ParquetType.Boolean => Fixed<bool>(field, buffer, isNull, out nullCount, static (values, n) => new BooleanColumn(values, n)),
            ParquetType.Int32 => Fixed<int>(field, buffer, isNull, out nullCount, static (values, n) => new FixedWidthColumn<int>(values, n)),
            ParquetType.Int64 => Fixed<long>(field, buffer, isNull, out nullCount, static (values, n) => new FixedWidthColumn<long>(values, n)),
            ParquetType.Float => Fixed<float>(field, buffer, isNull, out nullCount, static (values, n) => new FixedWidthColumn<float>(values, n)),
            ParquetType.Double => Fixed<double>(field, buffer, isNull, out nullCount, static (values, n) => new FixedWidthColumn<double>(values, n)),
            ParquetType.Date => Dates(field, (ColumnBuffer<DateOnly>)buffer, isNull, out nullCount),
            ParquetType.Timestamp => Timestamps(field, (ColumnBuffer<DateTime>)buffer, isNull, out nullCount),
            ParquetType.Decimal => Decimals(field, (ColumnBuffer<decimal>)buffer, isNull, out nullCount),
            ParquetType.String => Strings(field, (ColumnBuffer<string>)buffer, isNull, out nullCount),
            _ => Binaries(field, (ColumnBuffer<byte[]>)buffer, isNull, out nullCount),
        };
    }

    private static PhysicalColumn Fixed<T>(ParquetField field, ColumnBuffer buffer, Span<bool> isNull, out long nullCount, Func<T[], int, PhysicalColumn> create)
    {
        ReadOnlySpan<T> values = ((ColumnBuffer<T>)buffer).Values;
        nullCount = CountNulls(field, isNull);
        var dense = new T[values.Length - nullCount];
        int n = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!isNull[i]) dense[n++] = values[i];
        }
        return create(dense, n);
    }

    private static FixedWidthColumn<int> Dates(ParquetField field, ColumnBuffer<DateOnly> buffer, Span<bool> isNull, out long nullCount)
    {
        ReadOnlySpan<DateOnly> values = buffer.Values;
        nullCount = CountNulls(field, isNull);
        var dense = new int[values.Length - nullCount];
        int n = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!isNull[i]) dense[n++] = values[i].DayNumber - UnixEpochDay;
        }
        return new FixedWidthColumn<int>(dense, n);
    }

    private static FixedWidthColumn<long> Timestamps(ParquetField field, ColumnBuffer<DateTime> buffer, Span<bool> isNull, out long nullCount)
    {
        ReadOnlySpan<DateTime> values = buffer.Values;
        nullCount = CountNulls(field, isNull);
        var dense = new long[values.Length - nullCount];
        int n = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (isNull[i]) continue;
            DateTime value = values[i];
            if (value.Kind == DateTimeKind.Local) value = value.ToUniversalTime();
            dense[n++] = Math.DivRem(value.Ticks - UnixEpochTicks, 10, out long rest) - (rest < 0 ? 1 : 0);
        }
        return new FixedWidthColumn<long>(dense, n);
    }

    private static PhysicalColumn Decimals(ParquetField field, ColumnBuffer<decimal> buffer, Span<bool> isNull, out long nullCount)
    {
        ReadOnlySpan<decimal> values = buffer.Values;
        nullCount = CountNulls(field, isNull);
        int count = values.Length - (int)nullCount;
        PhysicalType physical = field.PhysicalType;
        int width = field.DecimalByteWidth;
        var ints = physical == PhysicalType.Int32 ? new int[count] : null;
        var longs = physical == PhysicalType.Int64 ? new long[count] : null;
        var bytes = physical == PhysicalType.FixedLenByteArray ? new BinaryValues(count, count * width) : null;
        int n = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (isNull[i]) continue;
            if (!DecimalEncoding.TryToUnscaled(values[i], field.DecimalPrecision, field.DecimalScale, out Int128 unscaled))
                throw new ArgumentException($"Column '{field.Name}', row {i}: {values[i]} does not fit decimal({field.DecimalPrecision}, {field.DecimalScale}).");
            if (ints is not null) ints[n] = (int)unscaled;
            else if (longs is not null) longs[n] = (long)unscaled;
            else DecimalEncoding.WriteBigEndian(unscaled, bytes!.AddUninitialized(width));
            n++;
        }
        if (ints is not null) return new FixedWidthColumn<int>(ints, n);
        if (longs is not null) return new FixedWidthColumn<long>(longs, n);
        return new BinaryColumn(bytes!, isFixedLength: true, isSignedDecimal: true);
    }

    private static BinaryColumn Strings(ParquetField field, ColumnBuffer<string> buffer, Span<bool> isNull, out long nullCount)
    {
        ReadOnlySpan<string> values = buffer.Values;
        MarkNullReferences(values, isNull);
        nullCount = CountNulls(field, isNull);
        var output = new BinaryValues(values.Length, (int)Math.Min(buffer.EstimatedBytes, Array.MaxLength));
        for (int i = 0; i < values.Length; i++)
        {
            if (isNull[i]) continue;
            string value = values[i];
            Encoding.UTF8.GetBytes(value, output.AddUninitialized(Encoding.UTF8.GetByteCount(value)));
        }
        return new BinaryColumn(output, isFixedLength: false, isSignedDecimal: false);
    }

    private static BinaryColumn Binaries(ParquetField field, ColumnBuffer<byte[]> buffer, Span<bool> isNull, out long nullCount)
    {
        ReadOnlySpan<byte[]> values = buffer.Values;
        MarkNullReferences(values, isNull);
        nullCount = CountNulls(field, isNull);
        var output = new BinaryValues(values.Length, (int)Math.Min(buffer.EstimatedBytes, Array.MaxLength));
        for (int i = 0; i < values.Length; i++)
        {
            if (!isNull[i]) output.Add(values[i]);
        }
        return new BinaryColumn(output, isFixedLength: false, isSignedDecimal: false);
    }

    private static void MarkNullReferences<T>(ReadOnlySpan<T> values, Span<bool> isNull) where T : class
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is null) isNull[i] = true;
        }
    }

    private static int CountNulls(ParquetField field, ReadOnlySpan<bool> isNull)
    {
        int nulls = isNull.Count(true);
        if (nulls > 0 && !field.IsNullable)
            throw new ArgumentException($"Column '{field.Name}' is required (not nullable) but row {isNull.IndexOf(true)} is null.");
        return nulls;
    }
}
