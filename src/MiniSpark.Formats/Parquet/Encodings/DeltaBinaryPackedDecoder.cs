using System.Buffers;

namespace MiniSpark.Formats.Parquet.Encodings;

/// <summary>Decodes DELTA_BINARY_PACKED integers (also the lengths inside the delta byte-array encodings).</summary>
/// <remarks>
/// Layout: header (block size, miniblocks per block, total count, first value), then blocks of
/// (min delta, one bit width per miniblock, bit-packed miniblocks). Arithmetic wraps at 64 bits, which also
/// reproduces writers that wrapped at 32 bits once the caller narrows to <see cref="int"/>.
/// </remarks>
internal static class DeltaBinaryPackedDecoder
{
    // Bounds on untrusted headers: real writers use blocks of 128 values in 4 miniblocks.
    private const int MaxBlockSize = 1 << 16;

    /// <summary>Decodes the values at the start of <paramref name="data"/> (which may continue past them) into
    /// <paramref name="output"/>, which must fit the header's <paramref name="count"/>; returns the bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> output, out int count, string source, long baseOffset)
    {
        int position = 0;
        ulong blockSize = ReadVarUInt(data, ref position, source, baseOffset);
        ulong miniblocks = ReadVarUInt(data, ref position, source, baseOffset);
        ulong total = ReadVarUInt(data, ref position, source, baseOffset);
        long value = ReadZigZag(data, ref position, source, baseOffset);
        if (blockSize == 0 || blockSize > MaxBlockSize || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0 || blockSize / miniblocks % 32 != 0)
            throw ParquetErrors.Invalid(source, baseOffset, $"DELTA_BINARY_PACKED header has block size {blockSize} with {miniblocks} miniblocks.");
        if (total > (ulong)output.Length)
            throw ParquetErrors.Invalid(source, baseOffset, $"DELTA_BINARY_PACKED declares {total} values where at most {output.Length} fit.");
        count = (int)total;
        if (count == 0) return position;
        output[0] = value;
        int valuesPerMiniblock = (int)(blockSize / miniblocks);
        int miniblockCount = (int)miniblocks;
        long[] scratch = ArrayPool<long>.Shared.Rent(valuesPerMiniblock);
        try
        {
            int produced = 1;
            while (produced < count)
            {
                long minDelta = ReadZigZag(data, ref position, source, baseOffset);
                int widthsAt = position;
                if (position + miniblockCount > data.Length)
                    throw ParquetErrors.Invalid(source, baseOffset + position, "DELTA_BINARY_PACKED bit widths run past the end of the page.");
                position += miniblockCount;
                for (int m = 0; m < miniblockCount && produced < count; m++)
                {
                    int bitWidth = data[widthsAt + m];
                    if (bitWidth > 64) throw ParquetErrors.Invalid(source, baseOffset + widthsAt + m, $"DELTA_BINARY_PACKED bit width {bitWidth} exceeds 64.");
                    int take = Math.Min(valuesPerMiniblock, count - produced);
                    int fullBytes = valuesPerMiniblock * bitWidth / 8;
                    int neededBytes = (int)(((long)take * bitWidth + 7) / 8);
                    if (position + neededBytes > data.Length)
                        throw ParquetErrors.Invalid(source, baseOffset + position, "A DELTA_BINARY_PACKED miniblock runs past the end of the page.");
                    Span<long> deltas = scratch.AsSpan(0, take);
                    BitPacking.Unpack64(data.Slice(position, neededBytes), deltas, bitWidth);
                    // The final miniblock should be padded to full size; tolerate writers that truncate it.
                    position = Math.Min(position + fullBytes, data.Length);
                    for (int i = 0; i < take; i++)
                    {
                        value = unchecked(value + minDelta + deltas[i]);
                        output[produced++] = value;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(scratch);
        }
        return position;
    }

    /// <summary>Decodes INT32 values: decode at 64 bits, then keep the low 32 (writers wrap at 32 bits).</summary>
    public static int DecodeInt32(ReadOnlySpan<byte> data, Span<int> output, out int count, string source, long baseOffset)
    {
        long[] wide = ArrayPool<long>.Shared.Rent(Math.Max(output.Length, 1));
        try
        {
            int consumed = Decode(data, wide.AsSpan(0, output.Length), out count, source, baseOffset);
            for (int i = 0; i < count; i++) output[i] = unchecked((int)wide[i]);
            return consumed;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(wide);
        }
    }

    private static ulong ReadVarUInt(ReadOnlySpan<byte> data, ref int position, string source, long baseOffset)
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (position >= data.Length) throw ParquetErrors.Invalid(source, baseOffset + position, "DELTA_BINARY_PACKED data ends inside a varint.");
            byte b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw ParquetErrors.Invalid(source, baseOffset + position, "A DELTA_BINARY_PACKED varint is too long.");
    }

    private static long ReadZigZag(ReadOnlySpan<byte> data, ref int position, string source, long baseOffset)
    {
        ulong raw = ReadVarUInt(data, ref position, source, baseOffset);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
