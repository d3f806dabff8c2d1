using System.Buffers;
using System.Buffers.Binary;
using MiniSpark.Formats.Parquet.Encodings;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Decodes BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY values into a pool plus indices.</summary>
/// <remarks>
/// Dictionary entries go first into the pool; dictionary-encoded pages then only record indices, so a
/// repeated long value is stored once however many rows use it (no expansion from a tiny RLE run).
/// </remarks>
internal sealed class BinaryValuesDecoder(int capacity, int fixedLength) : ValuesDecoder
{
    private readonly BinaryValues _pool = new(Math.Min(capacity, 1 << 16), 1 << 12);
    private readonly GrowableArray<int> _indices = new(capacity);
    private int _dictionaryCount = -1;

    public override int Count => _indices.Count;

    private string TypeName => fixedLength >= 0 ? "FIXED_LEN_BYTE_ARRAY" : "BYTE_ARRAY";

    public override void SetDictionary(ReadOnlySpan<byte> data, int count, DecodeContext context)
    {
        if (_pool.Count != 0) throw context.Error("the dictionary page does not come first.");
        DecodePlain(data, count, context);
        _dictionaryCount = count;
    }

    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, DecodeContext context)
    {
        int first = _pool.Count;
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                DecodePlain(data, count, context);
                break;
            case ParquetEncoding.PlainDictionary:
            case ParquetEncoding.RleDictionary:
                DictionaryIndices.Decode(data, _indices.Append(count), _dictionaryCount, context);
                return;
            case ParquetEncoding.DeltaLengthByteArray when fixedLength < 0:
                DeltaLengthByteArrayDecoder.Decode(data, count, _pool, context.Source, context.Offset);
                break;
            case ParquetEncoding.DeltaByteArray:
                DeltaByteArrayDecoder.Decode(data, count, _pool, fixedLength, context.Source, context.Offset);
                break;
            case ParquetEncoding.ByteStreamSplit when fixedLength > 0:
                DecodeByteStreamSplit(data, count, context);
                break;
            default:
                throw InvalidEncoding(encoding, TypeName, context);
        }
        Span<int> target = _indices.Append(count);
        for (int i = 0; i < count; i++) target[i] = first + i;
    }

    public override ColumnData Build(ColumnDescriptor column, int slotCount, int[]? definitionLevels, int[]? repetitionLevels, long fileOffset)
    {
        int[] indices = repetitionLevels is null
            ? SpreadInPlace(_indices, definitionLevels, column.MaxDefinitionLevel, slotCount, -1)
            : _indices.Detach();
        return new BinaryColumnData(column, slotCount, definitionLevels, repetitionLevels, _pool, indices, Math.Max(_dictionaryCount, 0), fileOffset);
    }

    public override void Dispose() => _indices.Dispose();

    private void DecodePlain(ReadOnlySpan<byte> data, int count, DecodeContext context)
    {
        if (fixedLength >= 0)
        {
            if ((long)count * fixedLength > data.Length) throw context.Error($"a PLAIN page holds fewer than its {count} values of {fixedLength} bytes.");
            _pool.EnsureValueCapacity(count);
            for (int i = 0; i < count; i++) _pool.Add(data.Slice(i * fixedLength, fixedLength));
            return;
        }
        // Each value takes at least its 4-byte length, which bounds the count before reserving room.
        if ((long)count * 4 > data.Length) throw context.Error($"a PLAIN page holds fewer than its {count} values.");
        _pool.EnsureValueCapacity(count);
        int position = 0;
        for (int i = 0; i < count; i++)
        {
            if (data.Length - position < 4) throw context.Error(context.Offset + position, $"PLAIN value {i} of {count} runs past the page.");
            int length = BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
            position += 4;
            if (length < 0 || length > data.Length - position)
                throw context.Error(context.Offset + position - 4, $"PLAIN value {i} declares {length} bytes; {data.Length - position} remain in the page.");
            _pool.Add(data.Slice(position, length));
            position += length;
        }
    }

    private void DecodeByteStreamSplit(ReadOnlySpan<byte> data, int count, DecodeContext context)
    {
        if ((long)count * fixedLength > data.Length) throw context.Error($"a BYTE_STREAM_SPLIT page holds fewer than its {count} values.");
        _pool.EnsureValueCapacity(count);
        for (int i = 0; i < count; i++)
        {
            Span<byte> value = _pool.AddUninitialized(fixedLength);
            for (int stream = 0; stream < fixedLength; stream++) value[stream] = data[stream * count + i];
        }
    }
}
