using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>INT32, INT64, FLOAT or DOUBLE values: PLAIN is their little-endian bytes.</summary>
/// <remarks>
/// Statistics follow parquet.thrift's rules for floating point: NaNs are left out, a zero minimum is written as
/// -0.0 and a zero maximum as +0.0, and no min/max is written when every value is NaN.
/// Dictionary keys compare by bits, so -0.0 and +0.0 (and NaN payloads) stay distinct.
/// </remarks>
internal sealed class FixedWidthColumn<T>(T[] values, int count) : PhysicalColumn
    where T : unmanaged, INumber<T>
{
    private static readonly int Width = Marshal.SizeOf<T>();
    private static readonly IEqualityComparer<T> KeyComparer =
        typeof(T) == typeof(float) || typeof(T) == typeof(double) ? BitwiseComparer.Instance : EqualityComparer<T>.Default;

    public override int Count => count;

    public ReadOnlySpan<T> Values => values.AsSpan(0, count);

    public override int PlainSize(int index) => Width;

    public override void WritePlain(int start, int length, ArrayBufferWriter<byte> output)
    {
        // Parquet is little-endian, as is every platform .NET runs MiniSpark on.
        output.Write(MemoryMarshal.AsBytes(values.AsSpan(start, length)));
    }

    public override DictionaryEncoding? TryDictionary(int maxDictionaryBytes)
    {
        int maxEntries = maxDictionaryBytes / Width;
        var positions = new Dictionary<T, int>(KeyComparer);
        var distinct = new List<T>();
        var indices = new int[count];
        for (int i = 0; i < count; i++)
        {
            T value = values[i];
            if (!positions.TryGetValue(value, out int index))
            {
                if (distinct.Count >= maxEntries) return null;
                index = distinct.Count;
                positions.Add(value, index);
                distinct.Add(value);
            }
            indices[i] = index;
        }
        if (!DictionaryPays((long)count * Width, (long)distinct.Count * Width, distinct.Count, count)) return null;
        return new DictionaryEncoding(new FixedWidthColumn<T>([.. distinct], distinct.Count), indices);
    }

    public override Statistics ComputeStatistics(long nullCount)
    {
        var statistics = new Statistics { NullCount = nullCount };
        bool any = false;
        T min = default, max = default;
        foreach (T value in Values)
        {
            if (T.IsNaN(value)) continue;
            if (!any)
            {
                min = max = value;
                any = true;
            }
            else if (value < min) min = value;
            else if (value > max) max = value;
        }
        if (!any) return statistics;
        if (T.IsZero(min)) min = NegativeZero();
        if (T.IsZero(max)) max = T.Zero;
        statistics.MinValue = ToBytes(min);
        statistics.MaxValue = ToBytes(max);
        // Signed order is also the deprecated fields' order, so old readers get them too.
        statistics.Min = statistics.MinValue;
        statistics.Max = statistics.MaxValue;
        return statistics;
    }

    private static T NegativeZero() =>
        typeof(T) == typeof(float) ? (T)(object)-0.0f :
        typeof(T) == typeof(double) ? (T)(object)-0.0 :
        T.Zero;

    private static byte[] ToBytes(T value) => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();

    private sealed class BitwiseComparer : IEqualityComparer<T>
    {
        public static readonly BitwiseComparer Instance = new();

        public bool Equals(T x, T y) =>
            MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in x)).SequenceEqual(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in y)));

        public int GetHashCode(T value)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));
            return hash.ToHashCode();
        }
    }
}
