namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>The comparisons a <see cref="ParquetPredicate"/> can test against row-group bounds.</summary>
internal enum ComparisonOperator
{
    Equal,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
