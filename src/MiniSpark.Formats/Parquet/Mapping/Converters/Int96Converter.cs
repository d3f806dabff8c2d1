using MiniSpark.Formats.Parquet.Reading;

namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>Legacy INT96 timestamps, as UTC instants (Spark's and Impala's reading).</summary>
internal readonly struct Int96Converter : IValueConverter<Int96, DateTime>
{
    public bool TryConvert(Int96 value, out DateTime result) => value.TryToDateTime(out result);

    public string Failure(Int96 value) => "An INT96 timestamp is outside DateTime's range.";
}
