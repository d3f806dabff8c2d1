using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Ipc;

/// <summary>Decodes a record batch body into columns, consuming field nodes and buffer regions in schema order.</summary>
/// <remarks>
/// The body is untrusted: every region is checked against the body, every buffer against the sizes the row count
/// implies, every offset against its data buffer. Arrays are only allocated after the buffer they are decoded from has
/// been found large enough, so a forged row count cannot make the decoder allocate more than the body justifies.
/// </remarks>
internal ref struct ArrowBatchDecoder
{
    private readonly ReadOnlySpan<byte> _body;
    private readonly long _bodyOffset;
    private readonly string _source;
    private readonly long _messageOffset;
    private readonly RecordBatchHeader _header;
    private readonly int _length;
    private int _node;
    private int _buffer;

    private ArrowBatchDecoder(ReadOnlySpan<byte> body, long bodyOffset, string source, long messageOffset, RecordBatchHeader header, int length)
    {
        _body = body;
        _bodyOffset = bodyOffset;
        _source = source;
        _messageOffset = messageOffset;
        _header = header;
        _length = length;
    }

    /// <summary>Decodes a batch of <paramref name="schema"/>; <paramref name="messageOffset"/> and <paramref name="bodyOffset"/> are absolute.</summary>
    public static ArrowRecordBatch Decode(ArrowSchema schema, RecordBatchHeader header, ReadOnlySpan<byte> body,
        string source, long messageOffset, long bodyOffset, ArrowDictionaries? dictionaries)
    {
        if (header.Compression is int codec)
        {
            string name = codec switch { 0 => "LZ4_FRAME", 1 => "ZSTD", _ => $"codec {codec}" };
            throw ArrowErrors.Unsupported(source, messageOffset, $"{name} body compression");
        }
        if (header.Length is < 0 or > int.MaxValue)
            throw ArrowErrors.Invalid(source, messageOffset, $"record batch length {header.Length} is out of range");
        if (schema.Fields.Count == 0 && header.Length > 0)
            throw ArrowErrors.Unsupported(source, messageOffset, "a record batch without columns");
        var decoder = new ArrowBatchDecoder(body, bodyOffset, source, messageOffset, header, (int)header.Length);
        var columns = new ArrowColumn[schema.Fields.Count];
        for (int i = 0; i < columns.Length; i++) columns[i] = decoder.DecodeField(schema.Fields[i], dictionaries);
        return new ArrowRecordBatch(schema, columns, (int)header.Length, source, messageOffset);
    }

    private InvalidDataException Error(long offset, string message) => ArrowErrors.Invalid(_source, offset, message);

    private ArrowColumn DecodeField(ArrowField field, ArrowDictionaries? dictionaries)
    {
        if (_node >= _header.Nodes.Length)
            throw Error(_messageOffset, $"the record batch has {_header.Nodes.Length} field nodes, too few for its schema");
        ArrowFieldNode node = _header.Nodes[_node++];
        if (node.Length != _length)
            throw Error(_messageOffset, $"column '{field.Name}' has {node.Length} values but the batch has {_length} rows");
        if (node.NullCount < 0 || node.NullCount > node.Length)
            throw Error(_messageOffset, $"column '{field.Name}' has an invalid null count {node.NullCount}");

        if (field.Dictionary is ArrowDictionaryEncoding encoding)
        {
            if (dictionaries is null) throw ArrowErrors.Unsupported(_source, _messageOffset, $"a nested dictionary in column '{field.Name}'");
            return DecodeDictionary(field, encoding, node, dictionaries);
        }
        if (ArrowClrTypes.StorageType(field.Type) is null)
            throw ArrowErrors.Unsupported(_source, _messageOffset, $"column '{field.Name}' of type {field.Type}");

        byte[]? validity = ReadValidity(field, node);
        ArrowType type = field.Type;
        return type.Id switch
        {
            ArrowTypeId.Int => (type.BitWidth, type.IsSigned) switch
            {
                (8, true) => Fixed<sbyte>(field, validity),
                (16, true) => Fixed<short>(field, validity),
                (32, true) => Fixed<int>(field, validity),
                (64, true) => Fixed<long>(field, validity),
                (8, false) => Fixed<byte>(field, validity),
                (16, false) => Fixed<ushort>(field, validity),
                (32, false) => Fixed<uint>(field, validity),
                _ => Fixed<ulong>(field, validity),
            },
            ArrowTypeId.FloatingPoint => type.BitWidth switch
            {
                16 => Fixed<Half>(field, validity),
                32 => Fixed<float>(field, validity),
                _ => Fixed<double>(field, validity),
            },
            ArrowTypeId.Bool => Bools(field, validity),
            ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => Strings(field, validity, type.Id == ArrowTypeId.LargeUtf8),
            ArrowTypeId.Binary or ArrowTypeId.LargeBinary => Binaries(field, validity, type.Id == ArrowTypeId.LargeBinary),
            ArrowTypeId.Date => Dates(field, validity, type.BitWidth == 64),
            ArrowTypeId.Timestamp => Timestamps(field, validity, type),
            _ => Decimals(field, validity, type),
        };
    }

    /// <summary>The next buffer region, checked to lie in the body and to hold at least <paramref name="minimum"/> bytes.</summary>
    private ReadOnlySpan<byte> NextBuffer(ArrowField field, long minimum, string what, out long absoluteOffset)
    {
        if (_buffer >= _header.Buffers.Length)
            throw Error(_messageOffset, $"the record batch has {_header.Buffers.Length} buffers, too few for its schema");
        ArrowBufferRegion region = _header.Buffers[_buffer++];
        if (region.Offset < 0 || region.Length < 0 || region.Offset > _body.Length || region.Length > _body.Length - region.Offset)
            throw Error(_bodyOffset, $"the {what} buffer of column '{field.Name}' ({region.Length} bytes at body offset {region.Offset}) lies outside the {_body.Length}-byte body");
        absoluteOffset = _bodyOffset + region.Offset;
        if (region.Length < minimum)
            throw Error(absoluteOffset, $"the {what} buffer of column '{field.Name}' has {region.Length} bytes; {_length} rows need {minimum}");
        return _body.Slice((int)region.Offset, (int)region.Length);
    }

    private byte[]? ReadValidity(ArrowField field, ArrowFieldNode node)
    {
        // The slot is always present; with no nulls its contents (often empty) do not matter.
        ReadOnlySpan<byte> bits = NextBuffer(field, node.NullCount == 0 ? 0 : (_length + 7) / 8, "validity", out _);
        return node.NullCount == 0 ? null : bits[..((_length + 7) / 8)].ToArray();
    }

    private ArrowColumn<T> Fixed<T>(ArrowField field, byte[]? validity) where T : unmanaged
    {
        int size = Marshal.SizeOf<T>();
        ReadOnlySpan<byte> data = NextBuffer(field, (long)_length * size, "values", out _);
        var values = new T[_length];
        data[..(_length * size)].CopyTo(MemoryMarshal.AsBytes(values.AsSpan())); // Arrow data is little-endian, as .NET's platforms
        return new ArrowColumn<T>(values, validity, _length);
    }

    private ArrowColumn<bool> Bools(ArrowField field, byte[]? validity)
    {
        ReadOnlySpan<byte> bits = NextBuffer(field, (_length + 7L) / 8, "values", out _);
        var values = new bool[_length];
        for (int row = 0; row < values.Length; row++) values[row] = (bits[row >> 3] & (1 << (row & 7))) != 0;
        return new ArrowColumn<bool>(values, validity, _length);
    }

    /// <summary>Checks the offsets of a variable-length column and calls back with each valid row's value range.</summary>
    private void ForEachValue(ArrowField field, byte[]? validity, bool large, ValueRange onValue)
    {
        if (_length == 0)
        {
            NextBuffer(field, 0, "offsets", out _); // an empty column may carry an empty offsets buffer
            NextBuffer(field, 0, "data", out _);
            return;
        }
        int width = large ? 8 : 4;
        ReadOnlySpan<byte> offsets = NextBuffer(field, (_length + 1L) * width, "offsets", out long offsetsAt);
        ReadOnlySpan<byte> data = NextBuffer(field, 0, "data", out long dataAt);
        long start = ReadOffset(offsets, 0, large);
        if (start < 0 || start > data.Length) throw Error(offsetsAt, $"column '{field.Name}' starts at offset {start}, outside its {data.Length}-byte data buffer");
        for (int row = 0; row < _length; row++)
        {
            long end = ReadOffset(offsets, row + 1, large);
            if (end < start || end > data.Length)
                throw Error(offsetsAt + (row + 1L) * width, $"offset {end} of column '{field.Name}' (row {row}) is out of order or past its {data.Length}-byte data buffer");
            if (validity is null || (validity[row >> 3] & (1 << (row & 7))) != 0) onValue(row, data.Slice((int)start, (int)(end - start)));
            start = end;
        }
        _ = dataAt;
    }

    private delegate void ValueRange(int row, ReadOnlySpan<byte> value);

    private static long ReadOffset(ReadOnlySpan<byte> offsets, int index, bool large) => large
        ? BinaryPrimitives.ReadInt64LittleEndian(offsets[(index * 8)..])
        : BinaryPrimitives.ReadInt32LittleEndian(offsets[(index * 4)..]);

    private ArrowColumn<string> Strings(ArrowField field, byte[]? validity, bool large)
    {
        var values = new string[_length];
        ForEachValue(field, validity, large, (row, bytes) => values[row] = Encoding.UTF8.GetString(bytes));
        return new ArrowColumn<string>(values, validity, _length);
    }

    private ArrowColumn<byte[]> Binaries(ArrowField field, byte[]? validity, bool large)
    {
        var values = new byte[_length][];
        ForEachValue(field, validity, large, (row, bytes) => values[row] = bytes.ToArray());
        return new ArrowColumn<byte[]>(values, validity, _length);
    }

    private ArrowColumn<DateOnly> Dates(ArrowField field, byte[]? validity, bool milliseconds)
    {
        int size = milliseconds ? 8 : 4;
        ReadOnlySpan<byte> data = NextBuffer(field, (long)_length * size, "values", out long at);
        var values = new DateOnly[_length];
        for (int row = 0; row < values.Length; row++)
        {
            if (validity is not null && (validity[row >> 3] & (1 << (row & 7))) == 0) continue;
            long raw = milliseconds ? BinaryPrimitives.ReadInt64LittleEndian(data[(row * 8)..]) : BinaryPrimitives.ReadInt32LittleEndian(data[(row * 4)..]);
            bool ok = milliseconds ? ArrowTemporal.TryFromMilliseconds(raw, out values[row]) : ArrowTemporal.TryFromDays(raw, out values[row]);
            if (!ok) throw Error(at + (long)row * size, $"date {raw} in column '{field.Name}' (row {row}) is outside the range of DateOnly");
        }
        return new ArrowColumn<DateOnly>(values, validity, _length);
    }

    private ArrowColumn<DateTime> Timestamps(ArrowField field, byte[]? validity, ArrowType type)
    {
        ReadOnlySpan<byte> data = NextBuffer(field, (long)_length * 8, "values", out long at);
        DateTimeKind kind = string.IsNullOrEmpty(type.TimeZone) ? DateTimeKind.Unspecified : DateTimeKind.Utc;
        var values = new DateTime[_length];
        for (int row = 0; row < values.Length; row++)
        {
            if (validity is not null && (validity[row >> 3] & (1 << (row & 7))) == 0) continue;
            long raw = BinaryPrimitives.ReadInt64LittleEndian(data[(row * 8)..]);
            if (!ArrowTemporal.TryFromUnits(raw, type.Unit, kind, out values[row]))
                throw Error(at + row * 8L, $"timestamp {raw} ({type.Unit}) in column '{field.Name}' (row {row}) is outside the range of DateTime");
        }
        return new ArrowColumn<DateTime>(values, validity, _length);
    }

    private ArrowColumn<decimal> Decimals(ArrowField field, byte[]? validity, ArrowType type)
    {
        int width = type.BitWidth / 8;
        ReadOnlySpan<byte> data = NextBuffer(field, (long)_length * width, "values", out long at);
        var values = new decimal[_length];
        for (int row = 0; row < values.Length; row++)
        {
            if (validity is not null && (validity[row >> 3] & (1 << (row & 7))) == 0) continue;
            Int128 unscaled = BinaryPrimitives.ReadInt128LittleEndian(data[(row * width)..]);
            bool fits = width == 16 || BinaryPrimitives.ReadInt128LittleEndian(data[(row * width + 16)..]) == (unscaled < 0 ? Int128.NegativeOne : Int128.Zero);
            if (!fits || !ArrowDecimal.TryFromUnscaled(unscaled, type.Scale, out values[row]))
                throw Error(at + (long)row * width, $"decimal in column '{field.Name}' (row {row}) does not fit System.Decimal");
        }
        return new ArrowColumn<decimal>(values, validity, _length);
    }

    private ArrowColumn DecodeDictionary(ArrowField field, ArrowDictionaryEncoding encoding, ArrowFieldNode node, ArrowDictionaries dictionaries)
    {
        ArrowColumn dictionary = dictionaries.Get(encoding.Id, _messageOffset);
        byte[]? validity = ReadValidity(field, node);
        ArrowType indexType = encoding.IndexType;
        int width = indexType.BitWidth / 8;
        ReadOnlySpan<byte> data = NextBuffer(field, (long)_length * width, "indices", out long at);
        var indices = new long[_length];
        for (int row = 0; row < indices.Length; row++)
        {
            if (validity is not null && (validity[row >> 3] & (1 << (row & 7))) == 0) continue;
            ReadOnlySpan<byte> raw = data[(row * width)..];
            long index = (width, indexType.IsSigned) switch
            {
                (1, true) => (sbyte)raw[0],
                (1, false) => raw[0],
                (2, true) => BinaryPrimitives.ReadInt16LittleEndian(raw),
                (2, false) => BinaryPrimitives.ReadUInt16LittleEndian(raw),
                (4, true) => BinaryPrimitives.ReadInt32LittleEndian(raw),
                (4, false) => BinaryPrimitives.ReadUInt32LittleEndian(raw),
                _ => BinaryPrimitives.ReadInt64LittleEndian(raw),
            };
            if (index < 0 || index >= dictionary.Length)
                throw Error(at + (long)row * width, $"dictionary index {index} in column '{field.Name}' (row {row}) is outside its {dictionary.Length}-entry dictionary");
            indices[row] = index;
        }
        return dictionary.Take(indices, validity, _length);
    }
}
