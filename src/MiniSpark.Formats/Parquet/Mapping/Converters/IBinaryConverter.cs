namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>Turns the bytes of a BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY value into its natural CLR value.</summary>
internal interface IBinaryConverter<TOut>
{
    TOut Convert(ReadOnlySpan<byte> value);
}
