using System.Buffers;
using System.Buffers.Binary;
using MiniSpark.Formats.Parquet.Encodings;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Decodes BOOLEAN values: PLAIN (one bit each, LSB first) or RLE (4-byte length, then the hybrid at width 1).</summary>
internal sealed class BooleanValuesDecoder(int capacity) : ValuesDecoder
{
    private readonly GrowableArray<bool> _values = new(capacity);

    public override int Count => _values.Count;

    public override void SetDictionary(ReadOnlySpan<byte> data, int count, DecodeContext context) =>
        throw context.Error("BOOLEAN columns cannot have a dictionary page.");

    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, DecodeContext context)
    {
        switch (encoding)
        {
            case ParquetEncoding.Plain:
            {
                if (((long)count + 7) / 8 > data.Length) throw context.Error($"a PLAIN page holds fewer than its {count} booleans.");
                Span<bool> target = _values.Append(count);
                for (int i = 0; i < count; i++) target[i] = (data[i >> 3] & (1 << (i & 7))) != 0;
                break;
            }
            case ParquetEncoding.Rle:
            {
                if (data.Length < 4) throw context.Error("an RLE boolean page lacks its length prefix.");
                int length = BinaryPrimitives.ReadInt32LittleEndian(data);
                if (length < 0 || length > data.Length - 4) throw context.Error($"RLE boolean data of {length} bytes runs past the page.");
                int[] bits = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
                try
                {
                    var decoder = new RleBitPackedHybridDecoder(data.Slice(4, length), 1, context.Source, context.Offset + 4);
                    decoder.ReadExactly(bits.AsSpan(0, count));
                    Span<bool> target = _values.Append(count);
                    for (int i = 0; i < count; i++) target[i] = bits[i] != 0;
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(bits);
                }
                break;
            }
            default:
                throw InvalidEncoding(encoding, "BOOLEAN", context);
        }
    }

    public override ColumnData Build(ColumnDescriptor column, int slotCount, int[]? definitionLevels, int[]? repetitionLevels, long fileOffset)
    {
        bool[] values = repetitionLevels is null
            ? SpreadInPlace(_values, definitionLevels, column.MaxDefinitionLevel, slotCount, false)
            : _values.Detach();
        return new PrimitiveColumnData<bool>(column, slotCount, definitionLevels, repetitionLevels, values, fileOffset);
    }

    public override void Dispose() => _values.Dispose();
}
