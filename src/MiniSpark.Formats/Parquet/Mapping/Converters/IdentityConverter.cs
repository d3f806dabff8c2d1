namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>Values whose physical and natural types agree (bool, int, long, float, double).</summary>
internal readonly struct IdentityConverter<T> : IValueConverter<T, T>
{
    public T Convert(T value) => value;
}
