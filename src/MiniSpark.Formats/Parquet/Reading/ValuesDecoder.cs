using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Accumulates one column chunk's non-null values page by page, then builds its <see cref="ColumnData"/>.</summary>
/// <remarks>Buffers are rented; <see cref="Build"/> hands them to the column data, and <see cref="Dispose"/> returns
/// whatever is still held (scratch, or everything when decoding failed).</remarks>
internal abstract class ValuesDecoder : IDisposable
{
    /// <summary>Non-null values decoded so far.</summary>
    public abstract int Count { get; }

    /// <summary>Loads the dictionary page (PLAIN-encoded, <paramref name="count"/> entries).</summary>
    public abstract void SetDictionary(ReadOnlySpan<byte> data, int count, DecodeContext context);

    /// <summary>Appends <paramref name="count"/> values encoded with <paramref name="encoding"/> from a data page.</summary>
    public abstract void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, DecodeContext context);

    /// <summary>The column data: values spaced by the levels for flat columns, dense for repeated ones.</summary>
    /// <remarks>The level arrays become the column data's; they were rented from the shared pool (or are empty).</remarks>
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

    public abstract void Dispose();

    /// <summary>Spreads the dense values over the slots whose definition level is the maximum, in place (backwards, so no
    /// value is overwritten before it moves); other slots get <paramref name="empty"/>. Returns the detached storage.</summary>
    protected static T[] SpreadInPlace<T>(GrowableArray<T> dense, int[]? definitionLevels, int maxDefinitionLevel, int slotCount, T empty)
        where T : unmanaged
    {
        if (definitionLevels is null) return dense.Detach();
        dense.EnsureCapacity(slotCount);
        int next = dense.Count;
        T[] items = dense.Detach();
        for (int i = slotCount - 1; i >= 0; i--) items[i] = definitionLevels[i] == maxDefinitionLevel ? items[--next] : empty;
        return items;
    }

    protected static InvalidDataException InvalidEncoding(ParquetEncoding encoding, string type, DecodeContext context) =>
        Enum.IsDefined(encoding)
            ? context.Error($"encoding {encoding} is not valid for {type} values.")
            : context.Error($"unknown encoding {(int)encoding}.");
}
