using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace MiniSpark.Formats.Parquet.Thrift;

/// <summary>Writes Thrift compact protocol values into a growable buffer.</summary>
/// <remarks>
/// Struct writers call <see cref="BeginStruct"/>, write fields with the <c>Write*Field</c> helpers in
/// increasing id order (short field-id deltas), and finish with <see cref="EndStruct"/>, which writes the stop byte.
/// </remarks>
internal sealed class ThriftCompactWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Stack<short> _lastFieldIds = new();
    private short _lastFieldId;

    public ThriftCompactWriter(int initialCapacity = 256) => _buffer = new ArrayBufferWriter<byte>(initialCapacity);

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>Forgets everything written, keeping the buffer for reuse.</summary>
    public void Clear()
    {
        _buffer.Clear();
        _lastFieldIds.Clear();
        _lastFieldId = 0;
    }

    public void BeginStruct()
    {
        _lastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct()
    {
        WriteByte((byte)ThriftType.Stop);
        _lastFieldId = _lastFieldIds.Pop();
    }

    public void WriteFieldHeader(short id, ThriftType type)
    {
        int delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            WriteByte((byte)((delta << 4) | (byte)type));
        }
        else
        {
            WriteByte((byte)type);
            WriteZigZag(id);
        }
        _lastFieldId = id;
    }

    public void WriteBoolField(short id, bool value) =>
        WriteFieldHeader(id, value ? ThriftType.BooleanTrue : ThriftType.BooleanFalse);

    public void WriteI8Field(short id, sbyte value)
    {
        WriteFieldHeader(id, ThriftType.Byte);
        WriteByte(unchecked((byte)value));
    }

    public void WriteI32Field(short id, int value)
    {
        WriteFieldHeader(id, ThriftType.I32);
        WriteZigZag(value);
    }

    public void WriteI64Field(short id, long value)
    {
        WriteFieldHeader(id, ThriftType.I64);
        WriteZigZag(value);
    }

    public void WriteBinaryField(short id, ReadOnlySpan<byte> value)
    {
        WriteFieldHeader(id, ThriftType.Binary);
        WriteBinary(value);
    }

    public void WriteStringField(short id, string value)
    {
        WriteFieldHeader(id, ThriftType.Binary);
        WriteString(value);
    }

    /// <summary>Starts a struct-valued field; the caller writes the struct's fields then calls <see cref="EndStruct"/>.</summary>
    public void BeginStructField(short id)
    {
        WriteFieldHeader(id, ThriftType.Struct);
        BeginStruct();
    }

    /// <summary>Writes an empty struct field (the marker structs of unions such as LogicalType).</summary>
    public void WriteEmptyStructField(short id)
    {
        BeginStructField(id);
        EndStruct();
    }

    public void WriteListFieldHeader(short id, ThriftType elementType, int count)
    {
        WriteFieldHeader(id, ThriftType.List);
        WriteListHeader(elementType, count);
    }

    public void WriteListHeader(ThriftType elementType, int count)
    {
        if (count < 15)
        {
            WriteByte((byte)((count << 4) | (byte)elementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | (byte)elementType));
            WriteVarUInt((ulong)count);
        }
    }

    public void WriteI32(int value) => WriteZigZag(value);

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteVarUInt((ulong)value.Length);
        _buffer.Write(value);
    }

    public void WriteString(string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt((ulong)length);
        Span<byte> target = _buffer.GetSpan(length);
        Encoding.UTF8.GetBytes(value, target);
        _buffer.Advance(length);
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    private void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    private void WriteZigZag(long value) => WriteVarUInt((ulong)((value << 1) ^ (value >> 63)));

    private void WriteVarUInt(ulong value)
    {
        Span<byte> span = _buffer.GetSpan(10);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        _buffer.Advance(i);
    }
}
