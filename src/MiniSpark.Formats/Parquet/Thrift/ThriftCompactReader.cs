using System.Buffers.Binary;
using System.Text;

namespace MiniSpark.Formats.Parquet.Thrift;

/// <summary>Reads Thrift compact protocol values from a span of untrusted bytes.</summary>
/// <remarks>
/// Every length is checked against the bytes that remain before anything is allocated, nesting is
/// bounded, and every failure is a <see cref="InvalidDataException"/> naming the file and the absolute
/// byte offset (<c>baseOffset</c> is where the span starts in the file).
/// Struct readers call <see cref="BeginStruct"/>, loop on <see cref="ReadFieldHeader"/>, skip unknown
/// fields with <see cref="Skip"/> and finish with <see cref="EndStruct"/>.
/// </remarks>
internal ref struct ThriftCompactReader
{
    // Real Parquet metadata nests about six deep; 64 leaves room for extensions yet stops stack bombs.
    internal const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private readonly long _baseOffset;
    private readonly string _source;
    private int _position;
    private int _depth;
    private short _lastFieldId;
    // A boolean field stores its value in the field header's type nibble.
    private bool? _pendingBool;

    public ThriftCompactReader(ReadOnlySpan<byte> data, string source, long baseOffset)
    {
        _data = data;
        _source = source;
        _baseOffset = baseOffset;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Absolute file offset of the next byte.</summary>
    public readonly long FileOffset => _baseOffset + _position;

    /// <summary>Bytes left in the span.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>The file name used in error messages.</summary>
    public readonly string Source => _source;

    /// <summary>A format exception at the current position.</summary>
    public readonly InvalidDataException Error(string message) => ParquetErrors.Invalid(_source, FileOffset, message);

    /// <summary>Enters a struct; pass the result to <see cref="EndStruct"/>.</summary>
    public short BeginStruct()
    {
        if (++_depth > MaxDepth) throw Error($"Thrift structures nest deeper than {MaxDepth} levels.");
        short saved = _lastFieldId;
        _lastFieldId = 0;
        return saved;
    }

    /// <summary>Leaves a struct entered with <see cref="BeginStruct"/>.</summary>
    public void EndStruct(short saved)
    {
        _depth--;
        _lastFieldId = saved;
    }

    /// <summary>Reads the next field header; false at the struct's stop byte.</summary>
    public bool ReadFieldHeader(out short id, out ThriftType type)
    {
        byte header = ReadByte();
        type = (ThriftType)(header & 0x0F);
        if (type == ThriftType.Stop)
        {
            id = 0;
            return false;
        }
        int delta = header >> 4;
        id = delta != 0 ? (short)(_lastFieldId + delta) : ReadI16();
        _lastFieldId = id;
        if (type is ThriftType.BooleanTrue or ThriftType.BooleanFalse) _pendingBool = type == ThriftType.BooleanTrue;
        else if (type > ThriftType.Struct) throw Error($"Unknown Thrift field type {(int)type} for field {id}.");
        return true;
    }

    public bool ReadBool()
    {
        if (_pendingBool is bool value)
        {
            _pendingBool = null;
            return value;
        }
        // Inside lists a boolean is a whole byte: 1 is true (some writers use 0, others 2, for false).
        return ReadByte() == (byte)ThriftType.BooleanTrue;
    }

    public sbyte ReadI8() => unchecked((sbyte)ReadByte());

    public short ReadI16()
    {
        long value = ReadZigZag(3);
        if (value is < short.MinValue or > short.MaxValue) throw Error("A Thrift i16 is out of range.");
        return (short)value;
    }

    public int ReadI32()
    {
        long value = ReadZigZag(5);
        if (value is < int.MinValue or > int.MaxValue) throw Error("A Thrift i32 is out of range.");
        return (int)value;
    }

    public long ReadI64() => ReadZigZag(10);

    public double ReadDouble()
    {
        ReadOnlySpan<byte> bytes = Take(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(bytes);
    }

    /// <summary>A length-prefixed binary, as a view of the input (copy it to keep it).</summary>
    public ReadOnlySpan<byte> ReadBinary()
    {
        ulong length = ReadVarUInt(5);
        if (length > (ulong)Remaining) throw Error($"A Thrift binary of {length} bytes runs past the end of the metadata.");
        return Take((int)length);
    }

    // Lenient: names and key/value metadata from some writers carry stray bytes, which are not worth failing a read.
    public string ReadString() => Encoding.UTF8.GetString(ReadBinary());

    /// <summary>Reads a list header; the count is bounded by the bytes left (every element takes one or more).</summary>
    public int ReadListHeader(out ThriftType elementType)
    {
        byte header = ReadByte();
        elementType = (ThriftType)(header & 0x0F);
        int shortCount = header >> 4;
        ulong count = shortCount != 15 ? (ulong)shortCount : ReadVarUInt(5);
        if (elementType is ThriftType.Stop or > ThriftType.Struct) throw Error($"Unknown Thrift list element type {(int)elementType}.");
        if (count > (ulong)Remaining) throw Error($"A Thrift list of {count} elements cannot fit in the {Remaining} bytes left.");
        return (int)count;
    }

    /// <summary>Skips a value of <paramref name="type"/> (an unknown or unneeded field).</summary>
    public void Skip(ThriftType type)
    {
        switch (type)
        {
            case ThriftType.BooleanTrue:
            case ThriftType.BooleanFalse:
                ReadBool();
                break;
            case ThriftType.Byte:
                ReadByte();
                break;
            case ThriftType.I16:
            case ThriftType.I32:
            case ThriftType.I64:
                ReadVarUInt(10);
                break;
            case ThriftType.Double:
                Take(8);
                break;
            case ThriftType.Binary:
                ReadBinary();
                break;
            case ThriftType.List:
            case ThriftType.Set:
                SkipList();
                break;
            case ThriftType.Map:
                SkipMap();
                break;
            case ThriftType.Struct:
                SkipStruct();
                break;
            default:
                throw Error($"Cannot skip unknown Thrift type {(int)type}.");
        }
    }

    private void SkipList()
    {
        int count = ReadListHeader(out ThriftType elementType);
        EnterNested();
        for (int i = 0; i < count; i++)
        {
            if (elementType is ThriftType.BooleanTrue or ThriftType.BooleanFalse) ReadByte();
            else Skip(elementType);
        }
        _depth--;
    }

    private void SkipMap()
    {
        ulong count = ReadVarUInt(5);
        if (count == 0) return;
        byte types = ReadByte();
        // Each entry takes at least two bytes.
        if (count > (ulong)Remaining) throw Error($"A Thrift map of {count} entries cannot fit in the {Remaining} bytes left.");
        var keyType = (ThriftType)(types >> 4);
        var valueType = (ThriftType)(types & 0x0F);
        EnterNested();
        for (ulong i = 0; i < count; i++)
        {
            SkipElement(keyType);
            SkipElement(valueType);
        }
        _depth--;
    }

    private void SkipElement(ThriftType type)
    {
        if (type is ThriftType.BooleanTrue or ThriftType.BooleanFalse) ReadByte();
        else Skip(type);
    }

    private void SkipStruct()
    {
        short saved = BeginStruct();
        while (ReadFieldHeader(out _, out ThriftType fieldType)) Skip(fieldType);
        EndStruct(saved);
    }

    private void EnterNested()
    {
        if (++_depth > MaxDepth) throw Error($"Thrift structures nest deeper than {MaxDepth} levels.");
    }

    private byte ReadByte()
    {
        if (_position >= _data.Length) throw Error("The Thrift metadata ends unexpectedly.");
        return _data[_position++];
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining) throw Error("The Thrift metadata ends unexpectedly.");
        ReadOnlySpan<byte> bytes = _data.Slice(_position, count);
        _position += count;
        return bytes;
    }

    private long ReadZigZag(int maxBytes)
    {
        ulong raw = ReadVarUInt(maxBytes);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    private ulong ReadVarUInt(int maxBytes)
    {
        ulong result = 0;
        for (int i = 0, shift = 0; i < maxBytes; i++, shift += 7)
        {
            byte b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw Error($"A Thrift varint is longer than {maxBytes} bytes.");
    }
}
