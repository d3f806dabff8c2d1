namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>DATE: days since 1970-01-01.</summary>
internal readonly struct DateConverter : IValueConverter<int, DateOnly>
{
    private static readonly int UnixEpochDay = new DateOnly(1970, 1, 1).DayNumber;

    public DateOnly Convert(int value)
    {
        long day = (long)UnixEpochDay + value;
        if (day < 0 || day > DateOnly.MaxValue.DayNumber) throw new OverflowException($"Date {value} days from 1970-01-01 is outside DateOnly's range.");
        return DateOnly.FromDayNumber((int)day);
    }
}
