namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>UUID: 16 bytes in big-endian (RFC 4122) order.</summary>
internal readonly struct UuidConverter : IBinaryConverter<Guid>
{
    public Guid Convert(ReadOnlySpan<byte> value) => new(value, bigEndian: true);
}
