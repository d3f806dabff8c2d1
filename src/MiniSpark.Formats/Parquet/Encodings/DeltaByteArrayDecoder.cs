using System.Buffers;

namespace MiniSpark.Formats.Parquet.Encodings;

/// <summary>Decodes DELTA_BYTE_ARRAY (incremental encoding): each value shares a prefix with the previous one.</summary>
/// <remarks>Layout: prefix lengths (DELTA_BINARY_PACKED), then the suffixes as DELTA_LENGTH_BYTE_ARRAY.</remarks>
internal static class DeltaByteArrayDecoder
{
    // Shared prefixes let a few bytes expand without bound; real data stays far below this ratio.
    private const long ExpansionBytesPerInputByte = 256;
    private const long ExpansionAllowance = 16 << 20;

    /// <summary>Appends <paramref name="count"/> values to <paramref name="output"/>. <paramref name="fixedLength"/> is the
    /// length every value must have for FIXED_LEN_BYTE_ARRAY columns, otherwise -1.</summary>
    public static void Decode(ReadOnlySpan<byte> data, int count, BinaryValues output, int fixedLength, string source, long baseOffset)
    {
        long[] prefixes = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        var suffixes = new BinaryValues(count, data.Length);
        try
        {
            int position = DeltaBinaryPackedDecoder.Decode(data, prefixes.AsSpan(0, count), out int declared, source, baseOffset);
            if (declared != count)
                throw ParquetErrors.Invalid(source, baseOffset, $"DELTA_BYTE_ARRAY declares {declared} prefix lengths for {count} values.");
            DeltaLengthByteArrayDecoder.Decode(data[position..], count, suffixes, source, baseOffset + position);
            output.EnsureValueCapacity(count);
            long budget = ExpansionAllowance + ExpansionBytesPerInputByte * data.Length;
            int previous = -1;
            for (int i = 0; i < count; i++)
            {
                long prefix = prefixes[i];
                int previousLength = previous < 0 ? 0 : output.Length(previous);
                if (prefix < 0 || prefix > previousLength)
                    throw ParquetErrors.Invalid(source, baseOffset, $"DELTA_BYTE_ARRAY value {i} reuses {prefix} bytes of a {previousLength}-byte predecessor.");
                ReadOnlySpan<byte> suffix = suffixes[i];
                int length = (int)prefix + suffix.Length;
                if (fixedLength >= 0 && length != fixedLength)
                    throw ParquetErrors.Invalid(source, baseOffset, $"DELTA_BYTE_ARRAY value {i} has {length} bytes, not the column's fixed {fixedLength}.");
                budget -= length;
                if (budget < 0)
                    throw ParquetErrors.Invalid(source, baseOffset, "DELTA_BYTE_ARRAY values expand far beyond the page size.");
                Span<byte> target = output.AddUninitialized(length);
                // AddUninitialized may move the buffer, so the predecessor is looked up afterwards.
                if (prefix > 0) output[output.Count - 2][..(int)prefix].CopyTo(target);
                suffix.CopyTo(target[(int)prefix..]);
                previous = output.Count - 1;
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(prefixes);
        }
    }
}
