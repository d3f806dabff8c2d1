using System.Buffers.Binary;

namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>FLOAT16: two little-endian bytes of an IEEE half.</summary>
internal readonly struct Float16Converter : IBinaryConverter<Half>
{
    public Half Convert(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadHalfLittleEndian(value);
}
