using System.Buffers;
using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>BOOLEAN values: PLAIN packs them one bit each, least significant first; never dictionary-encoded.</summary>
internal sealed class BooleanColumn(bool[] values, int count) : PhysicalColumn
{
    public override int Count => count;

    public override int PlainSize(int index) => 1;

    public override void WritePlain(int start, int length, ArrayBufferWriter<byte> output)
    {
        int bytes = (length + 7) / 8;
        Span<byte> target = output.GetSpan(bytes)[..bytes];
        target.Clear();
        for (int i = 0; i < length; i++)
        {
            if (values[start + i]) target[i >> 3] |= (byte)(1 << (i & 7));
        }
        output.Advance(bytes);
    }

    public override DictionaryEncoding? TryDictionary(int maxDictionaryBytes) => null;

    public override Statistics ComputeStatistics(long nullCount)
    {
        var statistics = new Statistics { NullCount = nullCount };
        if (count == 0) return statistics;
        ReadOnlySpan<bool> span = values.AsSpan(0, count);
        byte min = span.Contains(false) ? (byte)0 : (byte)1;
        byte max = span.Contains(true) ? (byte)1 : (byte)0;
        statistics.MinValue = statistics.Min = [min];
        statistics.MaxValue = statistics.Max = [max];
        return statistics;
    }
}
