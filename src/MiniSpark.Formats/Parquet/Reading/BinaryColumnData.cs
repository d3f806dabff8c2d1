using MiniSpark.Formats.Parquet.Encodings;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Byte-array values as indices into a pool; dictionary entries sit at the start of the pool and are never copied.</summary>
/// <remarks>Index -1 marks a null slot. Converters may cache per pool entry (a dictionary string is decoded once).</remarks>
internal sealed class BinaryColumnData(ColumnDescriptor column, int slotCount, int[]? definitionLevels, int[]? repetitionLevels, BinaryValues pool, int[] indices, int dictionaryCount, long fileOffset)
    : ColumnData(column, slotCount, definitionLevels, repetitionLevels, fileOffset)
{
    public BinaryValues Pool { get; } = pool;

    /// <summary>Per slot (flat) or per value (repeated): the pool entry, or -1 for null; longer than that when rented.</summary>
    public int[] Indices { get; } = indices;

    /// <summary>Entries [0, DictionaryCount) of the pool came from the dictionary page.</summary>
    public int DictionaryCount { get; } = dictionaryCount;

    protected override void ReturnValues() => Return(Indices);
}
