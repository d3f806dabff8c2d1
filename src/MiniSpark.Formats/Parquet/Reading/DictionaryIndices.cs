using MiniSpark.Formats.Parquet.Encodings;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Decodes a dictionary-encoded page body: one bit-width byte, then RLE / bit-packed indices.</summary>
internal static class DictionaryIndices
{
    /// <summary>Fills <paramref name="output"/> with indices, each checked against <paramref name="dictionaryCount"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> data, Span<int> output, int dictionaryCount, DecodeContext context)
    {
        DecodeUnchecked(data, output, dictionaryCount, context);
        foreach (int index in output)
        {
            if ((uint)index >= (uint)dictionaryCount) throw OutOfRange(index, dictionaryCount, context);
        }
    }

    /// <summary>Fills <paramref name="output"/> with indices the caller checks against the dictionary as it uses them.</summary>
    public static void DecodeUnchecked(ReadOnlySpan<byte> data, Span<int> output, int dictionaryCount, DecodeContext context)
    {
        if (dictionaryCount < 0) throw context.Error("a dictionary-encoded page comes without a dictionary page.");
        if (output.IsEmpty) return;
        if (data.IsEmpty) throw context.Error("a dictionary-encoded page has no data.");
        int bitWidth = data[0];
        if (bitWidth > 32) throw context.Error($"dictionary index bit width {bitWidth} exceeds 32.");
        var decoder = new RleBitPackedHybridDecoder(data[1..], bitWidth, context.Source, context.Offset + 1);
        decoder.ReadExactly(output);
    }

    public static InvalidDataException OutOfRange(int index, int dictionaryCount, DecodeContext context) =>
        context.Error($"dictionary index {index} is outside the {dictionaryCount}-entry dictionary.");
}
