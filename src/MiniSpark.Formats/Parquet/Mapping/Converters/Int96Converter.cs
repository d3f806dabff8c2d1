using MiniSpark.Formats.Parquet.Reading;

namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>Legacy INT96 timestamps, as UTC instants (Spark's and Impala's reading).</summary>
internal readonly struct Int96Converter : IValueConverter<Int96, DateTime>
{
    public DateTime Convert(Int96 value) =>
        value.TryToDateTime(out DateTime result) ? result : throw new OverflowException("An INT96 timestamp is outside DateTime's range.");
}
