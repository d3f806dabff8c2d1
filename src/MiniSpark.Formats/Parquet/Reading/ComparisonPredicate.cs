using System.Text;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>column op value, decided from the column's min and max.</summary>
internal sealed class ComparisonPredicate : ParquetPredicate
{
    private readonly string _column;
    private readonly ComparisonOperator _operator;
    private readonly object _value;

    public ComparisonPredicate(string column, ComparisonOperator op, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        ArgumentNullException.ThrowIfNull(value);
        _column = column;
        _operator = op;
        _value = value;
    }

    public override bool MightMatch(RowGroupInfo rowGroup)
    {
        ColumnStatistics? statistics = rowGroup.GetStatistics(_column);
        if (statistics is null) return true;
        if (statistics.AllNull) return false; // comparisons never hold for null
        if (statistics.Min is not object min || statistics.Max is not object max) return true;
        if (!TryConvert(_value, min.GetType(), out object? value)) return true;
        int toMin = Compare(value!, min), toMax = Compare(value!, max);
        return _operator switch
        {
            ComparisonOperator.Equal => toMin >= 0 && toMax <= 0,
            ComparisonOperator.LessThan => toMin > 0,
            ComparisonOperator.LessThanOrEqual => toMin >= 0,
            ComparisonOperator.GreaterThan => toMax < 0,
            _ => toMax <= 0,
        };
    }

    // Strings order as UTF-8 bytes (Parquet's order), which differs from UTF-16 ordinal order for surrogates.
    private static int Compare(object x, object y) => (x, y) switch
    {
        (string a, string b) => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b)),
        (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
        (IComparable a, _) => a.CompareTo(y),
        _ => 0,
    };

    private static bool TryConvert(object value, Type type, out object? converted)
    {
        converted = value;
        if (value.GetType() == type) return true;
        try
        {
            converted = (value, type) switch
            {
                (DateOnly date, Type t) when t == typeof(DateTime) => date.ToDateTime(TimeOnly.MinValue),
                (DateTime time, Type t) when t == typeof(DateOnly) => DateOnly.FromDateTime(time),
                (DateTimeOffset offset, Type t) when t == typeof(DateTime) => offset.UtcDateTime,
                (IConvertible, Type t) when t.IsPrimitive || t == typeof(decimal) => Convert.ChangeType(value, t, System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            return converted is not null;
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
        {
            return false; // an incomparable literal prunes nothing
        }
    }
}
