using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using MiniSpark.Internal;
using MiniSpark.Serialization;

namespace MiniSpark;

/// <summary>Reads values back from a span of bytes; handed to <see cref="RecordCodec{T}.Read"/>.</summary>
/// <remarks>
/// Every method mirrors the <see cref="RecordWriter"/> method of the same name. Reading past the end, or bytes that
/// cannot be what the writer produced, throws <see cref="InvalidDataException"/> naming the byte offset in the
/// stream; lengths read from the data are checked against the bytes remaining before anything is allocated.
/// </remarks>
public ref struct RecordReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly long _baseOffset;
    private int _position;
    private ReaderTypeTable? _types;
    private int _depth;

    internal RecordReader(ReadOnlySpan<byte> buffer, long baseOffset = 0, ReaderTypeTable? types = null)
    {
        _buffer = buffer;
        _baseOffset = baseOffset;
        _types = types;
    }

    /// <summary>Bytes left to read in the current block.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>Bytes consumed so far.</summary>
    internal readonly int Position => _position;

    /// <summary>Position in the whole stream, for error messages.</summary>
    internal readonly long Offset => _baseOffset + _position;

    internal ReaderTypeTable Types => _types ??= new ReaderTypeTable();

    internal void Enter(Type type)
    {
        if (++_depth > RecordWriter.MaxDepth) ThrowCorrupt(SR.ReadTooDeep(type, RecordWriter.MaxDepth));
    }

    internal void Exit() => _depth--;

    /// <summary>Reads one byte.</summary>
    /// <returns>The byte.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if ((uint)_position >= (uint)_buffer.Length) ThrowTruncated(1);
        return _buffer[_position++];
    }

    /// <summary>Reads one signed byte.</summary>
    /// <returns>The value.</returns>
    public sbyte ReadSByte() => (sbyte)ReadByte();

    /// <summary>Reads a boolean written as 0 or 1.</summary>
    /// <returns>The value.</returns>
    public bool ReadBoolean()
    {
        byte value = ReadByte();
        if (value > 1) ThrowInvalid("Boolean", 1);
        return value != 0;
    }

    /// <summary>Reads a 16-bit integer, 2 bytes.</summary>
    /// <returns>The value.</returns>
    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(sizeof(short)));

    /// <summary>Reads an unsigned 16-bit integer, 2 bytes.</summary>
    /// <returns>The value.</returns>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(sizeof(ushort)));

    /// <summary>Reads a 32-bit integer, 4 bytes.</summary>
    /// <returns>The value.</returns>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

    /// <summary>Reads an unsigned 32-bit integer, 4 bytes.</summary>
    /// <returns>The value.</returns>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(sizeof(uint)));

    /// <summary>Reads a 64-bit integer, 8 bytes.</summary>
    /// <returns>The value.</returns>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

    /// <summary>Reads an unsigned 64-bit integer, 8 bytes.</summary>
    /// <returns>The value.</returns>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(sizeof(ulong)));

    /// <summary>Reads a half-precision float, 2 bytes.</summary>
    /// <returns>The value.</returns>
    public Half ReadHalf() => BinaryPrimitives.ReadHalfLittleEndian(Take(2));

    /// <summary>Reads a single-precision float, 4 bytes.</summary>
    /// <returns>The value.</returns>
    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(sizeof(float)));

    /// <summary>Reads a double-precision float, 8 bytes.</summary>
    /// <returns>The value.</returns>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(sizeof(double)));

    /// <summary>Reads a decimal, 16 bytes.</summary>
    /// <returns>The value.</returns>
    public decimal ReadDecimal()
    {
        ReadOnlySpan<byte> source = Take(16);
        Span<int> bits = stackalloc int[4];
        for (int i = 0; i < 4; i++) bits[i] = BinaryPrimitives.ReadInt32LittleEndian(source[(i * 4)..]);
        // decimal's constructor rejects a bad scale or reserved bits set.
        int flags = bits[3];
        if ((flags & 0x7F00FFFF) != 0 || ((flags >> 16) & 0xFF) > 28) ThrowInvalid("Decimal", 16);
        return new decimal(bits);
    }

    /// <summary>Reads a GUID, 16 bytes.</summary>
    /// <returns>The value.</returns>
    public Guid ReadGuid() => new(Take(16));

    /// <summary>Reads an unsigned 32-bit variable-length integer.</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadVarUInt32()
    {
        if ((uint)_position < (uint)_buffer.Length)
        {
            byte first = _buffer[_position];
            if (first < 0x80)
            {
                _position++;
                return first;
            }
        }
        return ReadVarUInt32Slow();
    }

    /// <summary>Reads a zig-zag encoded 32-bit variable-length integer.</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadVarInt32()
    {
        uint value = ReadVarUInt32();
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    /// <summary>Reads an unsigned 64-bit variable-length integer.</summary>
    /// <returns>The value.</returns>
    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadByte();
            // The tenth byte carries the 64th bit only.
            if (shift == 63 && b > 1) ThrowInvalid("variable-length integer", 1);
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        ThrowInvalid("variable-length integer", 0);
        return 0;
    }

    /// <summary>Reads a zig-zag encoded 64-bit variable-length integer.</summary>
    /// <returns>The value.</returns>
    public long ReadVarInt64()
    {
        ulong value = ReadVarUInt64();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    /// <summary>Reads a string, or null, written by <see cref="RecordWriter.WriteString(string?)"/>.</summary>
    /// <returns>The string, or null.</returns>
    public string? ReadString()
    {
        uint prefix = ReadVarUInt32();
        if (prefix >= 2)
        {
            uint length = prefix - 2;
            if (length > (uint)Remaining) ThrowTruncated(length);
            string value = Encoding.UTF8.GetString(_buffer.Slice(_position, (int)length));
            _position += (int)length;
            return value;
        }
        if (prefix == 0) return null;
        int chars = ReadLength(sizeof(char));
        ReadOnlySpan<byte> bytes = Take(chars * sizeof(char));
        if (BitConverter.IsLittleEndian) return new string(MemoryMarshal.Cast<byte, char>(bytes));
        char[] units = new char[chars];
        for (int i = 0; i < chars; i++) units[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]);
        return new string(units);
    }

    /// <summary>Reads bytes written by <see cref="RecordWriter.WriteBytes"/>.</summary>
    /// <returns>A view of the bytes, valid while the codec's <see cref="RecordCodec{T}.Read"/> runs; copy to keep.</returns>
    public ReadOnlySpan<byte> ReadBytes() => Take(ReadLength(1));

    /// <summary>Reads <paramref name="count"/> bytes written by <see cref="RecordWriter.WriteRaw"/>.</summary>
    /// <param name="count">How many bytes.</param>
    /// <returns>A view of the bytes, valid while the codec's <see cref="RecordCodec{T}.Read"/> runs; copy to keep.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public ReadOnlySpan<byte> ReadRaw(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Take(count);
    }

    /// <summary>Reads a nested value with the codec of <typeparamref name="TValue"/>.</summary>
    /// <typeparam name="TValue">The declared type used when writing.</typeparam>
    /// <returns>The value.</returns>
    public TValue ReadValue<TValue>() => CodecSlot<TValue>.Instance.Codec.Read(ref this);

    /// <summary>Reads a count of items that take at least <paramref name="bytesPerItem"/> bytes each, checked against
    /// the bytes remaining.</summary>
    internal int ReadLength(int bytesPerItem)
    {
        uint length = ReadVarUInt32();
        if ((ulong)length * (uint)bytesPerItem > (ulong)Remaining) ThrowBadLength(length);
        return (int)length;
    }

    /// <summary>Like <see cref="ReadLength"/> for a length written as <c>length + 1</c>, 0 meaning null; -1 for null.</summary>
    internal int ReadNullableLength(int bytesPerItem)
    {
        uint prefix = ReadVarUInt32();
        if (prefix == 0) return -1;
        uint length = prefix - 1;
        if ((ulong)length * (uint)bytesPerItem > (ulong)Remaining) ThrowBadLength(length);
        return (int)length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _position)) ThrowTruncated((uint)count);
        ReadOnlySpan<byte> result = _buffer.Slice(_position, count);
        _position += count;
        return result;
    }

    /// <summary>Throws the corruption error for the value that ended <paramref name="size"/> bytes back.</summary>
    [DoesNotReturn]
    internal readonly void ThrowInvalid(string typeName, int size) =>
        throw new InvalidDataException(SR.Corrupt(Offset - size, SR.InvalidValue(typeName)));

    [DoesNotReturn]
    internal readonly void ThrowCorrupt(string what) => throw new InvalidDataException(SR.Corrupt(Offset, what));

    [DoesNotReturn]
    private readonly void ThrowTruncated(long needed) =>
        throw new InvalidDataException(SR.Truncated(Offset, needed, Remaining));

    [DoesNotReturn]
    private readonly void ThrowBadLength(uint length) =>
        throw new InvalidDataException(SR.Corrupt(Offset, SR.LengthExceedsRemaining(length, Remaining)));

    private uint ReadVarUInt32Slow()
    {
        uint result = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = ReadByte();
            // The fifth byte carries the top 4 bits only.
            if (shift == 28 && b > 0x0F) ThrowInvalid("variable-length integer", 1);
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        ThrowInvalid("variable-length integer", 0);
        return 0;
    }
}
