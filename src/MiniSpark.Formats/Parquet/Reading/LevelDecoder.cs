using System.Buffers.Binary;
using MiniSpark.Formats.Parquet.Encodings;
using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Decodes repetition or definition levels and checks each against the column's maximum.</summary>
internal static class LevelDecoder
{
    /// <summary>Decodes v1 page levels at the start of <paramref name="data"/>; returns the bytes they take.</summary>
    /// <remarks>RLE levels carry a 4-byte length prefix; the deprecated BIT_PACKED levels are packed most significant bit first.</remarks>
    public static int DecodeV1(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<int> output, int maxLevel, DecodeContext context)
    {
        int bitWidth = BitPacking.BitWidth(maxLevel);
        switch (encoding)
        {
            case ParquetEncoding.Rle:
            {
                if (data.Length < 4) throw context.Error("levels lack their 4-byte length prefix.");
                int length = BinaryPrimitives.ReadInt32LittleEndian(data);
                if (length < 0 || length > data.Length - 4) throw context.Error($"levels of {length} bytes run past the page.");
                DecodeRle(data.Slice(4, length), output, maxLevel, bitWidth, context.At(context.Offset + 4));
                return 4 + length;
            }
            case ParquetEncoding.BitPacked:
            {
                long bytes = ((long)output.Length * bitWidth + 7) / 8;
                if (bytes > data.Length) throw context.Error("BIT_PACKED levels run past the page.");
                for (int i = 0; i < output.Length; i++)
                {
                    int value = 0;
                    for (int b = 0; b < bitWidth; b++)
                    {
                        long bit = (long)i * bitWidth + b;
                        value = (value << 1) | ((data[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
                    }
                    output[i] = value;
                }
                Check(output, maxLevel, context);
                return (int)bytes;
            }
            default:
                throw context.Error($"levels use encoding {encoding}, which is not a level encoding.");
        }
    }

    /// <summary>Decodes RLE-hybrid levels that fill exactly <paramref name="output"/> (v2 pages, or a v1 body).</summary>
    public static void DecodeRle(ReadOnlySpan<byte> data, Span<int> output, int maxLevel, int bitWidth, DecodeContext context)
    {
        var decoder = new RleBitPackedHybridDecoder(data, bitWidth, context.Source, context.Offset);
        decoder.ReadExactly(output);
        Check(output, maxLevel, context);
    }

    private static void Check(ReadOnlySpan<int> levels, int maxLevel, DecodeContext context)
    {
        foreach (int level in levels)
        {
            if ((uint)level > (uint)maxLevel) throw context.Error($"level {level} exceeds the column's maximum of {maxLevel}.");
        }
    }
}
