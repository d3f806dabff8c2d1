using System.Buffers;
using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>The non-null values of one column chunk in their physical form, ready to encode.</summary>
internal abstract class PhysicalColumn
{
    /// <summary>Non-null values held.</summary>
    public abstract int Count { get; }

    /// <summary>PLAIN-encoded size of value <paramref name="index"/> (booleans count one byte; close enough for page cuts).</summary>
    public abstract int PlainSize(int index);

    /// <summary>Appends values [<paramref name="start"/>, start + count) PLAIN-encoded.</summary>
    public abstract void WritePlain(int start, int count, ArrayBufferWriter<byte> output);

    /// <summary>A dictionary whose PLAIN form stays within <paramref name="maxDictionaryBytes"/> and beats PLAIN; else null.</summary>
    public abstract DictionaryEncoding? TryDictionary(int maxDictionaryBytes);

    /// <summary>min_value / max_value by the column's sort order, plus the null count.</summary>
    public abstract Statistics ComputeStatistics(long nullCount);

    /// <summary>Whether a dictionary is worth it: dictionary page plus bit-packed indices smaller than PLAIN.</summary>
    protected static bool DictionaryPays(long plainBytes, long dictionaryBytes, int dictionaryCount, int valueCount)
    {
        int bitWidth = dictionaryCount <= 1 ? 1 : 32 - int.LeadingZeroCount(dictionaryCount - 1);
        long indexBytes = ((long)valueCount * bitWidth + 7) / 8;
        return dictionaryBytes + indexBytes < plainBytes;
    }
}
