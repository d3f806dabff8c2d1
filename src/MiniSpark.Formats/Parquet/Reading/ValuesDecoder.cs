using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Accumulates one column chunk's non-null values page by page, then builds its <see cref="ColumnData"/>.</summary>
internal abstract class ValuesDecoder
{
    /// <summary>Non-null values decoded so far.</summary>
    public abstract int Count { get; }

    /// <summary>Loads the dictionary page (PLAIN-encoded, <paramref name="count"/> entries).</summary>
    public abstract void SetDictionary(ReadOnlySpan<byte> data, int count, DecodeContext context);

    /// <summary>Appends <paramref name="count"/> values encoded with <paramref name="encoding"/> from a data page.</summary>
    public abstract void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, DecodeContext context);

    /// <summary>The column data: values spaced by the levels for flat columns, dense for repeated ones.</summary>
    public abstract ColumnData Build(ColumnDescriptor column, int slotCount, int[]? definitionLevels, int[]? repetitionLevels, long fileOffset);

    public static ValuesDecoder Create(ColumnDescriptor column, int capacity) => column.PhysicalType switch
    {
        PhysicalType.Boolean => new BooleanValuesDecoder(capacity),
        PhysicalType.Int32 => new FixedValuesDecoder<int>(capacity),
        PhysicalType.Int64 => new FixedValuesDecoder<long>(capacity),
        PhysicalType.Int96 => new FixedValuesDecoder<Int96>(capacity),
        PhysicalType.Float => new FixedValuesDecoder<float>(capacity),
        PhysicalType.Double => new FixedValuesDecoder<double>(capacity),
        _ => new BinaryValuesDecoder(capacity, column.PhysicalType == PhysicalType.FixedLenByteArray ? column.TypeLength : -1),
    };

    /// <summary>Spreads dense values over the slots whose definition level is the maximum; other slots get <paramref name="empty"/>.</summary>
    protected static T[] Spread<T>(ReadOnlySpan<T> dense, int[]? definitionLevels, int maxDefinitionLevel, int slotCount, T empty)
    {
        var spaced = new T[slotCount];
        if (definitionLevels is null)
        {
            dense.CopyTo(spaced);
            return spaced;
        }
        int next = 0;
        for (int i = 0; i < slotCount; i++) spaced[i] = definitionLevels[i] == maxDefinitionLevel ? dense[next++] : empty;
        return spaced;
    }

    protected static InvalidDataException InvalidEncoding(ParquetEncoding encoding, string type, DecodeContext context) =>
        Enum.IsDefined(encoding)
            ? context.Error($"encoding {encoding} is not valid for {type} values.")
            : context.Error($"unknown encoding {(int)encoding}.");
}
