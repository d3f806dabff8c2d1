namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>Unannotated byte arrays: a fresh array per value (callers may keep and change it).</summary>
internal readonly struct BytesConverter : IBinaryConverter<byte[]>
{
    public byte[] Convert(ReadOnlySpan<byte> value) => value.ToArray();
}
