using System.Text;

namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>STRING / UTF8 / ENUM / JSON: UTF-8 bytes to a string (invalid sequences become U+FFFD, as Spark does).</summary>
internal readonly struct Utf8Converter : IBinaryConverter<string>
{
    public string Convert(ReadOnlySpan<byte> value) => Encoding.UTF8.GetString(value);
}
