using System.Buffers.Binary;

namespace MiniSpark.Formats.Parquet.Encodings;

/// <summary>Packs and unpacks integers of a fixed bit width, least significant bit first (Parquet's order).</summary>
internal static class BitPacking
{
    /// <summary>Unpacks <paramref name="output"/>.Length values of <paramref name="bitWidth"/> bits (≤ 32) from <paramref name="input"/>.</summary>
    /// <remarks>The caller guarantees <paramref name="input"/> holds at least <c>ceil(count * bitWidth / 8)</c> bytes.</remarks>
    public static void Unpack32(ReadOnlySpan<byte> input, Span<int> output, int bitWidth)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }
        ulong buffer = 0;
        int bits = 0, position = 0;
        uint mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        for (int i = 0; i < output.Length; i++)
        {
            while (bits < bitWidth)
            {
                // Refill a whole word when possible: most values then cost a shift and a mask.
                if (position + 4 <= input.Length && bits <= 32)
                {
                    buffer |= (ulong)BinaryPrimitives.ReadUInt32LittleEndian(input[position..]) << bits;
                    position += 4;
                    bits += 32;
                }
                else
                {
                    buffer |= (ulong)input[position++] << bits;
                    bits += 8;
                }
            }
            output[i] = (int)((uint)buffer & mask);
            buffer >>= bitWidth;
            bits -= bitWidth;
        }
    }

    /// <summary>Unpacks values of up to 64 bits (delta encodings of INT64 columns).</summary>
    public static void Unpack64(ReadOnlySpan<byte> input, Span<long> output, int bitWidth)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }
        // Bit-by-byte accumulation into a 128-bit window would be faster; 64-bit widths are rare enough.
        ulong mask = bitWidth == 64 ? ulong.MaxValue : (1UL << bitWidth) - 1;
        long bitPosition = 0;
        for (int i = 0; i < output.Length; i++)
        {
            int byteIndex = (int)(bitPosition >> 3);
            int shift = (int)(bitPosition & 7);
            ulong value = 0;
            int needed = shift + bitWidth;
            int bytes = (needed + 7) >> 3;
            for (int b = 0; b < bytes && b < 8; b++) value |= (ulong)input[byteIndex + b] << (8 * b);
            value >>= shift;
            if (needed > 64) value |= (ulong)input[byteIndex + 8] << (64 - shift);
            output[i] = (long)(value & mask);
            bitPosition += bitWidth;
        }
    }

    /// <summary>Packs <paramref name="values"/> (each below 2^bitWidth) into <paramref name="output"/>.</summary>
    /// <returns>The bytes written: <c>ceil(values.Length * bitWidth / 8)</c>.</returns>
    public static int Pack32(ReadOnlySpan<int> values, Span<byte> output, int bitWidth)
    {
        ulong buffer = 0;
        int bits = 0, position = 0;
        foreach (int value in values)
        {
            buffer |= (ulong)(uint)value << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                output[position++] = (byte)buffer;
                buffer >>= 8;
                bits -= 8;
            }
        }
        if (bits > 0) output[position++] = (byte)buffer;
        return position;
    }

    /// <summary>Bits needed to store values up to <paramref name="maxValue"/>.</summary>
    public static int BitWidth(int maxValue) => maxValue == 0 ? 0 : 32 - int.LeadingZeroCount(maxValue);
}
