using System.Buffers;

namespace MiniSpark.Formats.Parquet.Encodings;

/// <summary>Encodes integers with the RLE / bit-packed hybrid: repeats of eight or more become RLE runs, the rest bit-packed groups.</summary>
internal static class RleBitPackedHybridEncoder
{
    // Runs shorter than a bit-packed group cost more as RLE headers than packed.
    private const int MinRepeat = 8;

    /// <summary>Appends the encoding of <paramref name="values"/> (each below 2^bitWidth) to <paramref name="output"/>.</summary>
    public static void Encode(ReadOnlySpan<int> values, int bitWidth, IBufferWriter<byte> output)
    {
        int valueBytes = (bitWidth + 7) >> 3;
        int i = 0;
        while (i < values.Length)
        {
            int run = RunLength(values, i, int.MaxValue);
            if (run >= MinRepeat)
            {
                WriteVarUInt(output, (ulong)run << 1);
                Span<byte> target = output.GetSpan(4);
                int value = values[i];
                for (int b = 0; b < valueBytes; b++) target[b] = (byte)(value >> (8 * b));
                output.Advance(valueBytes);
                i += run;
                continue;
            }
            // Bit-pack whole groups of eight until a long repeat starts at a group boundary.
            int start = i;
            do i += 8;
            while (i < values.Length && RunLength(values, i, MinRepeat) < MinRepeat);
            int end = Math.Min(i, values.Length);
            i = end;
            int groups = (end - start + 7) / 8;
            WriteVarUInt(output, ((ulong)groups << 1) | 1);
            int byteCount = groups * bitWidth;
            Span<byte> packed = output.GetSpan(byteCount)[..byteCount];
            packed.Clear();
            if (end - start == groups * 8)
            {
                BitPacking.Pack32(values[start..end], packed, bitWidth);
            }
            else
            {
                // The final group is padded with zeros; the reader knows how many values to take.
                int[] rented = ArrayPool<int>.Shared.Rent(groups * 8);
                Span<int> padded = rented.AsSpan(0, groups * 8);
                values[start..end].CopyTo(padded);
                padded[(end - start)..].Clear();
                BitPacking.Pack32(padded, packed, bitWidth);
                ArrayPool<int>.Shared.Return(rented);
            }
            output.Advance(byteCount);
        }
    }

    private static int RunLength(ReadOnlySpan<int> values, int start, int limit)
    {
        int value = values[start];
        int end = start + 1;
        while (end < values.Length && end - start < limit && values[end] == value) end++;
        return end - start;
    }

    private static void WriteVarUInt(IBufferWriter<byte> output, ulong value)
    {
        Span<byte> span = output.GetSpan(10);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        output.Advance(i);
    }
}
