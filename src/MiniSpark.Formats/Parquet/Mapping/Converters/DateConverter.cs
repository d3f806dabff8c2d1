namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>DATE: days since 1970-01-01.</summary>
internal readonly struct DateConverter : IValueConverter<int, DateOnly>
{
    private static readonly int UnixEpochDay = new DateOnly(1970, 1, 1).DayNumber;

    public bool TryConvert(int value, out DateOnly result)
    {
        long day = (long)UnixEpochDay + value;
        bool fits = day >= 0 && day <= DateOnly.MaxValue.DayNumber;
        result = fits ? DateOnly.FromDayNumber((int)day) : default;
        return fits;
    }

    public string Failure(int value) => $"Date {value} days from 1970-01-01 is outside DateOnly's range.";
}
