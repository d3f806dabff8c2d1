using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using MiniSpark.Internal;
using MiniSpark.Serialization;

namespace MiniSpark;

/// <summary>Appends encoded values to a buffer; handed to <see cref="RecordCodec{T}.Write"/>.</summary>
/// <remarks>
/// <para>All multi-byte values are little-endian. <c>Var</c> methods write LEB128 variable-length integers
/// (1 byte below 128); the signed ones zig-zag encode first, so small negative numbers stay short. Fixed-width
/// methods write exactly their size.</para>
/// <para>A writer is created by the engine for one stream or one value; it is a ref struct, so it lives on the
/// stack and is passed by reference to codecs.</para>
/// </remarks>
public ref struct RecordWriter
{
    /// <summary>Nesting limit: deeper graphs are taken for cycles.</summary>
    internal const int MaxDepth = 1000;

    private const int MinimumBufferRequest = 256;

    private readonly IBufferWriter<byte>? _output;
    private Span<byte> _buffer;
    private int _position;
    private long _flushed;
    private WriterTypeTable? _types;
    private int _depth;

    internal RecordWriter(IBufferWriter<byte> output, WriterTypeTable? types = null)
    {
        _output = output;
        _types = types;
    }

    /// <summary>Bytes written through this writer so far, flushed or not.</summary>
    internal readonly long BytesWritten => _flushed + _position;

    /// <summary>Names of runtime types already written to this stream (polymorphic values).</summary>
    internal WriterTypeTable Types => _types ??= new WriterTypeTable();

    /// <summary>Commits the bytes written so far to the underlying <see cref="IBufferWriter{T}"/>.</summary>
    internal void Flush()
    {
        if (_position > 0)
        {
            _output!.Advance(_position);
            _flushed += _position;
        }
        _position = 0;
        _buffer = default;
    }

    internal void Enter(Type type)
    {
        if (++_depth > MaxDepth) ThrowTooDeep(type);
    }

    internal void Exit() => _depth--;

    /// <summary>Writes one byte.</summary>
    /// <param name="value">The byte.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteByte(byte value)
    {
        if ((uint)_position >= (uint)_buffer.Length) Grow(1);
        _buffer[_position++] = value;
    }

    /// <summary>Writes one signed byte.</summary>
    /// <param name="value">The value.</param>
    public void WriteSByte(sbyte value) => WriteByte((byte)value);

    /// <summary>Writes a boolean as one byte, 0 or 1.</summary>
    /// <param name="value">The value.</param>
    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>Writes a 16-bit integer, 2 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Take(sizeof(short)), value);

    /// <summary>Writes an unsigned 16-bit integer, 2 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(sizeof(ushort)), value);

    /// <summary>Writes a 32-bit integer, 4 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(sizeof(int)), value);

    /// <summary>Writes an unsigned 32-bit integer, 4 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(sizeof(uint)), value);

    /// <summary>Writes a 64-bit integer, 8 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(sizeof(long)), value);

    /// <summary>Writes an unsigned 64-bit integer, 8 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(sizeof(ulong)), value);

    /// <summary>Writes a half-precision float, 2 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteHalf(Half value) => BinaryPrimitives.WriteHalfLittleEndian(Take(2), value);

    /// <summary>Writes a single-precision float, 4 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteSingle(float value) => BinaryPrimitives.WriteSingleLittleEndian(Take(sizeof(float)), value);

    /// <summary>Writes a double-precision float, 8 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(sizeof(double)), value);

    /// <summary>Writes a decimal as its four 32-bit parts, 16 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        Span<byte> target = Take(16);
        for (int i = 0; i < 4; i++) BinaryPrimitives.WriteInt32LittleEndian(target[(i * 4)..], bits[i]);
    }

    /// <summary>Writes a GUID, 16 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteGuid(Guid value) => value.TryWriteBytes(Take(16));

    /// <summary>Writes an unsigned 32-bit integer as a variable-length integer, 1 to 5 bytes.</summary>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteVarUInt32(uint value)
    {
        if (value < 0x80)
        {
            WriteByte((byte)value);
            return;
        }
        if (_buffer.Length - _position < 5) Grow(5);
        _position += WriteVarUInt32(_buffer[_position..], value);
    }

    /// <summary>Writes a 32-bit integer zig-zag encoded as a variable-length integer, 1 to 5 bytes.</summary>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteVarInt32(int value) => WriteVarUInt32((uint)((value << 1) ^ (value >> 31)));

    /// <summary>Writes an unsigned 64-bit integer as a variable-length integer, 1 to 10 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteVarUInt64(ulong value)
    {
        if (value < 0x80)
        {
            WriteByte((byte)value);
            return;
        }
        if (_buffer.Length - _position < 10) Grow(10);
        Span<byte> buffer = _buffer;
        int position = _position;
        while (value >= 0x80)
        {
            buffer[position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[position++] = (byte)value;
        _position = position;
    }

    /// <summary>Writes a 64-bit integer zig-zag encoded as a variable-length integer, 1 to 10 bytes.</summary>
    /// <param name="value">The value.</param>
    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes a string, or null, as UTF-8 with a variable-length prefix.</summary>
    /// <remarks>A string that is not valid UTF-16 (an unpaired surrogate) is written as UTF-16 code units instead,
    /// so every .NET string round-trips exactly.</remarks>
    /// <param name="value">The string, or null.</param>
    public void WriteString(string? value)
    {
        // Prefix: 0 = null, 1 = UTF-16 code units follow, n >= 2 = n - 2 bytes of UTF-8 follow.
        if (value is null)
        {
            WriteByte(0);
            return;
        }
        int maxBytes = checked(value.Length * 3);
        int maxPrefix = VarUInt32Size((uint)maxBytes + 2);
        if (_buffer.Length - _position < maxPrefix + maxBytes) Grow(maxPrefix + maxBytes);
        Span<byte> encoded = _buffer.Slice(_position + maxPrefix, maxBytes);
        if (Utf8.FromUtf16(value, encoded, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            WriteUtf16(value);
            return;
        }
        int prefix = VarUInt32Size((uint)written + 2);
        // The encoder ran before the length was known; close the gap when the prefix came out shorter.
        if (prefix != maxPrefix) encoded[..written].CopyTo(_buffer[(_position + prefix)..]);
        WriteVarUInt32(_buffer[_position..], (uint)written + 2);
        _position += prefix + written;
    }

    /// <summary>Writes bytes with a variable-length length prefix; read back with <see cref="RecordReader.ReadBytes"/>.</summary>
    /// <param name="value">The bytes.</param>
    public void WriteBytes(scoped ReadOnlySpan<byte> value)
    {
        WriteVarUInt32((uint)value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes bytes as they are, without a length; the reader must know how many to read back
    /// (<see cref="RecordReader.ReadRaw(int)"/>).</summary>
    /// <param name="value">The bytes.</param>
    public void WriteRaw(scoped ReadOnlySpan<byte> value)
    {
        while (!value.IsEmpty)
        {
            if (_position == _buffer.Length) Grow(Math.Min(value.Length, 1 << 20));
            int count = Math.Min(value.Length, _buffer.Length - _position);
            value[..count].CopyTo(_buffer[_position..]);
            _position += count;
            value = value[count..];
        }
    }

    /// <summary>Writes a nested value with the codec of <typeparamref name="TValue"/> (registered or built-in).</summary>
    /// <typeparam name="TValue">The declared type of the value; reads must use the same type.</typeparam>
    /// <param name="value">The value, null allowed for reference and nullable types.</param>
    public void WriteValue<TValue>(TValue value) => CodecSlot<TValue>.Instance.Codec.Write(ref this, value);

    internal static int VarUInt32Size(uint value) => value switch
    {
        < 1u << 7 => 1,
        < 1u << 14 => 2,
        < 1u << 21 => 3,
        < 1u << 28 => 4,
        _ => 5,
    };

    internal static int WriteVarUInt32(Span<byte> destination, uint value)
    {
        int position = 0;
        while (value >= 0x80)
        {
            destination[position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[position++] = (byte)value;
        return position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Take(int size)
    {
        if (_buffer.Length - _position < size) Grow(size);
        Span<byte> target = _buffer.Slice(_position, size);
        _position += size;
        return target;
    }

    private void WriteUtf16(string value)
    {
        WriteByte(1);
        WriteVarUInt32((uint)value.Length);
        if (BitConverter.IsLittleEndian)
        {
            WriteRaw(MemoryMarshal.AsBytes(value.AsSpan()));
            return;
        }
        foreach (char c in value) WriteUInt16(c);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int size)
    {
        if (_output is null) throw new InvalidOperationException(SR.WriterNotInitialized);
        if (_position > 0)
        {
            _output.Advance(_position);
            _flushed += _position;
            _position = 0;
        }
        _buffer = _output.GetSpan(Math.Max(size, MinimumBufferRequest));
        if (_buffer.Length < size) throw new InvalidOperationException(SR.BufferWriterTooSmall);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooDeep(Type type) => throw new InvalidOperationException(SR.GraphTooDeep(type, MaxDepth));
}
