using System.Buffers;
using System.Buffers.Binary;
using MiniSpark.Formats.Parquet.Encodings;
using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>BYTE_ARRAY values (PLAIN: 4-byte length then bytes) or FIXED_LEN_BYTE_ARRAY values (PLAIN: bytes).</summary>
/// <remarks>
/// Strings and binaries order as unsigned bytes; FIXED_LEN_BYTE_ARRAY decimals as signed big-endian integers,
/// which for equal lengths is a signed first byte then unsigned bytes. Long string bounds are cut: the minimum to
/// a prefix (still a lower bound); the maximum is left out rather than made up.
/// </remarks>
internal sealed class BinaryColumn(BinaryValues values, bool isFixedLength, bool isSignedDecimal) : PhysicalColumn
{
    // parquet-mr truncates statistics at 64 bytes by default; keep whole values up to a bit more.
    private const int MaxStatisticsLength = 128;

    public override int Count => values.Count;

    public BinaryValues Values => values;

    public override int PlainSize(int index) => values.Length(index) + (isFixedLength ? 0 : 4);

    public override void WritePlain(int start, int length, ArrayBufferWriter<byte> output)
    {
        for (int i = start; i < start + length; i++)
        {
            ReadOnlySpan<byte> value = values[i];
            int size = value.Length + (isFixedLength ? 0 : 4);
            Span<byte> target = output.GetSpan(size);
            if (!isFixedLength)
            {
                BinaryPrimitives.WriteInt32LittleEndian(target, value.Length);
                target = target[4..];
            }
            value.CopyTo(target);
            output.Advance(size);
        }
    }

    public override DictionaryEncoding? TryDictionary(int maxDictionaryBytes)
    {
        int count = values.Count;
        var positions = new Dictionary<int, int>(new ValueComparer(values));
        var distinct = new List<int>();
        var indices = new int[count];
        long dictionaryBytes = 0, plainBytes = 0;
        for (int i = 0; i < count; i++)
        {
            int size = PlainSize(i);
            plainBytes += size;
            if (!positions.TryGetValue(i, out int index))
            {
                dictionaryBytes += size;
                if (dictionaryBytes > maxDictionaryBytes) return null;
                index = distinct.Count;
                positions.Add(i, index);
                distinct.Add(i);
            }
            indices[i] = index;
        }
        if (!DictionaryPays(plainBytes, dictionaryBytes, distinct.Count, count)) return null;
        var dictionary = new BinaryValues(distinct.Count, (int)Math.Min(dictionaryBytes, int.MaxValue));
        foreach (int source in distinct) dictionary.Add(values[source]);
        return new DictionaryEncoding(new BinaryColumn(dictionary, isFixedLength, isSignedDecimal), indices);
    }

    public override Statistics ComputeStatistics(long nullCount)
    {
        var statistics = new Statistics { NullCount = nullCount };
        if (values.Count == 0) return statistics;
        int min = 0, max = 0;
        for (int i = 1; i < values.Count; i++)
        {
            if (Compare(values[i], values[min]) < 0) min = i;
            else if (Compare(values[i], values[max]) > 0) max = i;
        }
        ReadOnlySpan<byte> minValue = values[min];
        ReadOnlySpan<byte> maxValue = values[max];
        if (isFixedLength)
        {
            statistics.MinValue = minValue.ToArray();
            statistics.MaxValue = maxValue.ToArray();
            return statistics;
        }
        statistics.MinValue = minValue.Length <= MaxStatisticsLength ? minValue.ToArray() : TruncateUtf8(minValue);
        if (maxValue.Length <= MaxStatisticsLength) statistics.MaxValue = maxValue.ToArray();
        return statistics;
    }

    private int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        if (isSignedDecimal && x.Length > 0 && y.Length > 0 && x[0] != y[0])
            return ((sbyte)x[0]).CompareTo((sbyte)y[0]);
        return x.SequenceCompareTo(y);
    }

    // A prefix is a valid lower bound; cut at a UTF-8 character start so a string column stays valid text.
    private static byte[] TruncateUtf8(ReadOnlySpan<byte> value)
    {
        int length = MaxStatisticsLength;
        while (length > 0 && (value[length] & 0xC0) == 0x80) length--;
        return value[..length].ToArray();
    }

    private sealed class ValueComparer(BinaryValues values) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => values[x].SequenceEqual(values[y]);

        public int GetHashCode(int index)
        {
            var hash = new HashCode();
            hash.AddBytes(values[index]);
            return hash.ToHashCode();
        }
    }
}
