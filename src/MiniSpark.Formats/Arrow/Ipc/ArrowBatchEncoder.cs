using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Ipc;

/// <summary>Lays out one column's Arrow buffers (validity, then offsets/values, then data) in a message body.</summary>
/// <remarks>
/// Every buffer starts on 8 bytes, as the IPC format requires. A column without nulls gets an empty validity buffer,
/// which the format allows when null_count is 0. The writer has checked that the column's .NET type is the storage type
/// of the field's Arrow type, so the casts below cannot fail.
/// </remarks>
internal static class ArrowBatchEncoder
{
    public static void Encode(ArrowField field, ArrowColumn column, ArrowBodyBuffer body, List<ArrowFieldNode> nodes, List<ArrowBufferRegion> buffers)
    {
        int length = column.Length;
        nodes.Add(new ArrowFieldNode(length, column.NullCount));
        if (column.Validity is byte[] validity) Copy(validity.AsSpan(0, (length + 7) / 8), body, buffers);
        else buffers.Add(new ArrowBufferRegion(body.Length, 0));

        ArrowType type = field.Type;
        switch (type.Id)
        {
            case ArrowTypeId.Int or ArrowTypeId.FloatingPoint:
                Copy(ValueBytes(column), body, buffers);
                break;
            case ArrowTypeId.Bool:
                Bools((ArrowColumn<bool>)column, body, buffers);
                break;
            case ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8:
                Strings((ArrowColumn<string>)column, type.Id == ArrowTypeId.LargeUtf8, body, buffers);
                break;
            case ArrowTypeId.Binary or ArrowTypeId.LargeBinary:
                Binaries((ArrowColumn<byte[]>)column, type.Id == ArrowTypeId.LargeBinary, body, buffers);
                break;
            case ArrowTypeId.Date:
                Dates((ArrowColumn<DateOnly>)column, type.BitWidth == 64, body, buffers);
                break;
            case ArrowTypeId.Timestamp:
                Timestamps((ArrowColumn<DateTime>)column, type.Unit, body, buffers);
                break;
            case ArrowTypeId.Decimal:
                Decimals((ArrowColumn<decimal>)column, field, body, buffers);
                break;
            default:
                throw new NotSupportedException($"Writing Arrow type {type} (column '{field.Name}') is not supported.");
        }
    }

    private static ReadOnlySpan<byte> ValueBytes(ArrowColumn column) => column switch
    {
        ArrowColumn<int> c => MemoryMarshal.AsBytes(c.Values.AsSpan(0, c.Length)),
        ArrowColumn<long> c => MemoryMarshal.AsBytes(c.Values.AsSpan(0, c.Length)),
        ArrowColumn<double> c => MemoryMarshal.AsBytes(c.Values.AsSpan(0, c.Length)),
        ArrowColumn<float> c => MemoryMarshal.AsBytes(c.Values.AsSpan(0, c.Length)),
        ArrowColumn<short> c => MemoryMarshal.AsBytes(c.Values.AsSpan(0, c.Length)),
        ArrowColumn<sbyte> c => MemoryMarshal.AsBytes(c.Values.AsSpan(0, c.Length)),
        ArrowColumn<byte> c => c.Values.AsSpan(0, c.Length),
        ArrowColumn<ushort> c => MemoryMarshal.AsBytes(c.Values.AsSpan(0, c.Length)),
        ArrowColumn<uint> c => MemoryMarshal.AsBytes(c.Values.AsSpan(0, c.Length)),
        ArrowColumn<ulong> c => MemoryMarshal.AsBytes(c.Values.AsSpan(0, c.Length)),
        ArrowColumn<Half> c => MemoryMarshal.AsBytes(c.Values.AsSpan(0, c.Length)),
        _ => throw new InvalidOperationException($"Unexpected column type {column.ValueType}."),
    };

    private static void Copy(ReadOnlySpan<byte> data, ArrowBodyBuffer body, List<ArrowBufferRegion> buffers)
    {
        int position = body.ReservePadded(data.Length);
        data.CopyTo(body.Slice(position, data.Length));
        buffers.Add(new ArrowBufferRegion(position, data.Length));
    }

    private static Span<byte> Add(int size, ArrowBodyBuffer body, List<ArrowBufferRegion> buffers)
    {
        int position = body.ReservePadded(size);
        buffers.Add(new ArrowBufferRegion(position, size));
        return body.Slice(position, size);
    }

    private static void Bools(ArrowColumn<bool> column, ArrowBodyBuffer body, List<ArrowBufferRegion> buffers)
    {
        Span<byte> bits = Add((column.Length + 7) / 8, body, buffers);
        bits.Clear();
        bool[] values = column.Values;
        for (int row = 0; row < column.Length; row++)
        {
            if (values[row]) bits[row >> 3] |= (byte)(1 << (row & 7));
        }
    }

    private static void Strings(ArrowColumn<string> column, bool large, ArrowBodyBuffer body, List<ArrowBufferRegion> buffers)
    {
        string[] values = column.Values;
        long total = 0;
        for (int row = 0; row < column.Length; row++)
        {
            if (values[row] is string value) total += Encoding.UTF8.GetByteCount(value);
        }
        ReserveVariableWidth(column.Length, total, large, body, buffers, out Span<byte> offsets, out Span<byte> data);
        int end = 0;
        WriteOffset(offsets, 0, 0, large);
        for (int row = 0; row < column.Length; row++)
        {
            if (values[row] is string value) end += Encoding.UTF8.GetBytes(value, data[end..]);
            WriteOffset(offsets, row + 1, end, large);
        }
    }

    /// <summary>Reserves the offsets buffer (<paramref name="rows"/> + 1 entries) and the data buffer of a Utf8 or Binary column.</summary>
    private static void ReserveVariableWidth(int rows, long total, bool large, ArrowBodyBuffer body, List<ArrowBufferRegion> buffers,
        out Span<byte> offsets, out Span<byte> data)
    {
        int width = large ? 8 : 4;
        CheckTotal(total, large);
        int offsetsAt = body.ReservePadded((rows + 1L) * width);
        buffers.Add(new ArrowBufferRegion(offsetsAt, (rows + 1L) * width));
        int dataAt = body.ReservePadded(total);
        buffers.Add(new ArrowBufferRegion(dataAt, total));
        offsets = body.Slice(offsetsAt, (rows + 1) * width);
        data = body.Slice(dataAt, (int)total);
    }

    private static void Binaries(ArrowColumn<byte[]> column, bool large, ArrowBodyBuffer body, List<ArrowBufferRegion> buffers)
    {
        byte[][] values = column.Values;
        long total = 0;
        for (int row = 0; row < column.Length; row++) total += values[row]?.Length ?? 0;
        ReserveVariableWidth(column.Length, total, large, body, buffers, out Span<byte> offsets, out Span<byte> data);
        int end = 0;
        WriteOffset(offsets, 0, 0, large);
        for (int row = 0; row < column.Length; row++)
        {
            if (values[row] is byte[] value)
            {
                value.CopyTo(data[end..]);
                end += value.Length;
            }
            WriteOffset(offsets, row + 1, end, large);
        }
    }

    private static void CheckTotal(long total, bool large)
    {
        if (!large && total > int.MaxValue)
            throw new InvalidOperationException("A column's values in one Arrow record batch exceed 2 GiB; write smaller batches.");
    }

    private static void WriteOffset(Span<byte> offsets, int index, int value, bool large)
    {
        if (large) BinaryPrimitives.WriteInt64LittleEndian(offsets[(index * 8)..], value);
        else BinaryPrimitives.WriteInt32LittleEndian(offsets[(index * 4)..], value);
    }

    private static void Dates(ArrowColumn<DateOnly> column, bool milliseconds, ArrowBodyBuffer body, List<ArrowBufferRegion> buffers)
    {
        DateOnly[] values = column.Values;
        Span<byte> data = Add(column.Length * (milliseconds ? 8 : 4), body, buffers);
        for (int row = 0; row < column.Length; row++)
        {
            if (milliseconds) BinaryPrimitives.WriteInt64LittleEndian(data[(row * 8)..], ArrowTemporal.ToMilliseconds(values[row]));
            else BinaryPrimitives.WriteInt32LittleEndian(data[(row * 4)..], ArrowTemporal.ToDays(values[row]));
        }
    }

    private static void Timestamps(ArrowColumn<DateTime> column, ArrowTimeUnit unit, ArrowBodyBuffer body, List<ArrowBufferRegion> buffers)
    {
        DateTime[] values = column.Values;
        Span<byte> data = Add(column.Length * 8, body, buffers);
        for (int row = 0; row < column.Length; row++)
        {
            long value = column.IsNull(row) ? 0 : ArrowTemporal.ToUnits(values[row], unit);
            BinaryPrimitives.WriteInt64LittleEndian(data[(row * 8)..], value);
        }
    }

    private static void Decimals(ArrowColumn<decimal> column, ArrowField field, ArrowBodyBuffer body, List<ArrowBufferRegion> buffers)
    {
        ArrowType type = field.Type;
        int width = type.BitWidth / 8;
        decimal[] values = column.Values;
        Span<byte> data = Add(column.Length * width, body, buffers);
        for (int row = 0; row < column.Length; row++)
        {
            Int128 unscaled = 0;
            if (!column.IsNull(row) && !ArrowDecimal.TryToUnscaled(values[row], type.Precision, type.Scale, out unscaled))
                throw new OverflowException($"Value {values[row]} in column '{field.Name}' (row {row} of the batch) does not fit {type}.");
            BinaryPrimitives.WriteInt128LittleEndian(data[(row * width)..], unscaled);
            if (width == 32) BinaryPrimitives.WriteInt128LittleEndian(data[(row * width + 16)..], unscaled < 0 ? Int128.NegativeOne : Int128.Zero);
        }
    }
}
