using System.Buffers;

namespace MiniSpark.Formats.Parquet.Encodings;

/// <summary>Decodes DELTA_LENGTH_BYTE_ARRAY: all lengths (DELTA_BINARY_PACKED), then all bytes end to end.</summary>
internal static class DeltaLengthByteArrayDecoder
{
    /// <summary>Appends <paramref name="count"/> values to <paramref name="output"/>; returns bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, int count, BinaryValues output, string source, long baseOffset)
    {
        long[] lengths = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int position = DeltaBinaryPackedDecoder.Decode(data, lengths.AsSpan(0, count), out int declared, source, baseOffset);
            if (declared != count)
                throw ParquetErrors.Invalid(source, baseOffset, $"DELTA_LENGTH_BYTE_ARRAY declares {declared} lengths for {count} values.");
            output.EnsureValueCapacity(count);
            for (int i = 0; i < count; i++)
            {
                long length = lengths[i];
                if (length < 0 || length > data.Length - position)
                    throw ParquetErrors.Invalid(source, baseOffset + position, $"A DELTA_LENGTH_BYTE_ARRAY value of {length} bytes runs past the end of the page.");
                output.Add(data.Slice(position, (int)length));
                position += (int)length;
            }
            return position;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(lengths);
        }
    }
}
