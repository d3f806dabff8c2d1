namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>DECIMAL in BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY: a big-endian two's complement unscaled value.</summary>
internal readonly struct BinaryDecimalConverter(int scale) : IBinaryConverter<decimal>
{
    public decimal Convert(ReadOnlySpan<byte> value) => DecimalDecoding.FromUnscaled(DecimalDecoding.ReadBigEndian(value), scale);
}
