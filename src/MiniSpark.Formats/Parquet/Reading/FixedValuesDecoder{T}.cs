using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MiniSpark.Formats.Parquet.Encodings;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Decodes INT32, INT64, INT96, FLOAT and DOUBLE values: PLAIN, dictionary, DELTA_BINARY_PACKED (integers), BYTE_STREAM_SPLIT.</summary>
internal sealed class FixedValuesDecoder<T>(int capacity) : ValuesDecoder
    where T : unmanaged
{
    private static readonly int Width = Unsafe.SizeOf<T>();
    private readonly GrowableArray<T> _values = new(capacity);
    private T[]? _dictionary;
    private int _dictionaryCount;

    public override int Count => _values.Count;

    public override void SetDictionary(ReadOnlySpan<byte> data, int count, DecodeContext context)
    {
        if ((long)count * Width > data.Length) throw context.Error($"the dictionary page holds fewer than its {count} declared values.");
        Debug.Assert(_dictionary is null, "The page walk rejects a second dictionary page.");
        _dictionary = ArrayPool<T>.Shared.Rent(Math.Max(count, 1));
        _dictionaryCount = count;
        MemoryMarshal.Cast<byte, T>(data[..(count * Width)]).CopyTo(_dictionary);
    }

    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, DecodeContext context)
    {
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                if ((long)count * Width > data.Length) throw context.Error($"a PLAIN page holds fewer than its {count} values.");
                MemoryMarshal.Cast<byte, T>(data[..(count * Width)]).CopyTo(_values.Append(count));
                break;
            case ParquetEncoding.PlainDictionary:
            case ParquetEncoding.RleDictionary:
                DecodeDictionary(data, count, context);
                break;
            case ParquetEncoding.DeltaBinaryPacked when typeof(T) == typeof(int):
            {
                Span<int> target = MemoryMarshal.Cast<T, int>(_values.Append(count));
                DeltaBinaryPackedDecoder.DecodeInt32(data, target, out int declared, context.Source, context.Offset);
                if (declared != count) throw context.Error($"DELTA_BINARY_PACKED declares {declared} values where the page has {count}.");
                break;
            }
            case ParquetEncoding.DeltaBinaryPacked when typeof(T) == typeof(long):
            {
                Span<long> target = MemoryMarshal.Cast<T, long>(_values.Append(count));
                DeltaBinaryPackedDecoder.Decode(data, target, out int declared, context.Source, context.Offset);
                if (declared != count) throw context.Error($"DELTA_BINARY_PACKED declares {declared} values where the page has {count}.");
                break;
            }
            case ParquetEncoding.ByteStreamSplit when typeof(T) != typeof(Int96):
                DecodeByteStreamSplit(data, count, context);
                break;
            default:
                throw InvalidEncoding(encoding, typeof(T).Name, context);
        }
    }

    public override ColumnData Build(ColumnDescriptor column, int slotCount, int[]? definitionLevels, int[]? repetitionLevels, long fileOffset)
    {
        T[] values = repetitionLevels is null
            ? SpreadInPlace(_values, definitionLevels, column.MaxDefinitionLevel, slotCount, default)
            : _values.Detach();
        return new PrimitiveColumnData<T>(column, slotCount, definitionLevels, repetitionLevels, values, fileOffset);
    }

    public override void Dispose()
    {
        _values.Dispose();
        if (_dictionary is not null) ArrayPool<T>.Shared.Return(_dictionary);
        _dictionary = null;
    }

    private void DecodeDictionary(ReadOnlySpan<byte> data, int count, DecodeContext context)
    {
        int[] indices = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        try
        {
            Span<int> span = indices.AsSpan(0, count);
            DictionaryIndices.DecodeUnchecked(data, span, _dictionary is null ? -1 : _dictionaryCount, context);
            Span<T> target = _values.Append(count);
            ReadOnlySpan<T> dictionary = _dictionary.AsSpan(0, _dictionaryCount);
            // The range check rides along with the gather: one pass over the indices.
            for (int i = 0; i < span.Length; i++)
            {
                int index = span[i];
                if ((uint)index >= (uint)dictionary.Length) throw DictionaryIndices.OutOfRange(index, dictionary.Length, context);
                target[i] = dictionary[index];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
        }
    }

    // Byte j of value i sits at data[j * count + i]: K streams, one per byte of the type.
    private void DecodeByteStreamSplit(ReadOnlySpan<byte> data, int count, DecodeContext context)
    {
        if ((long)count * Width > data.Length) throw context.Error($"a BYTE_STREAM_SPLIT page holds fewer than its {count} values.");
        Span<byte> target = MemoryMarshal.AsBytes(_values.Append(count));
        for (int stream = 0; stream < Width; stream++)
        {
            ReadOnlySpan<byte> source = data.Slice(stream * count, count);
            for (int i = 0; i < count; i++) target[i * Width + stream] = source[i];
        }
    }
}
