namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>Conversions off the hot path (statistics), where a boxed result or null for "out of range" is what is wanted.</summary>
internal static class ValueConverterExtensions
{
    public static object? ConvertOrNull<TIn, TOut>(this IValueConverter<TIn, TOut> converter, TIn value) =>
        converter.TryConvert(value, out TOut result) ? result : null;
}
