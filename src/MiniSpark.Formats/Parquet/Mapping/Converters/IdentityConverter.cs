namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>Values whose physical and natural types agree (bool, int, long, float, double).</summary>
internal readonly struct IdentityConverter<T> : IValueConverter<T, T>
{
    public bool TryConvert(T value, out T result)
    {
        result = value;
        return true;
    }

    public string Failure(T value) => "";
}
