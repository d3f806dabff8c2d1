namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>A filter on row-group statistics: row groups it rules out are not read at all.</summary>
/// <remarks>
/// A predicate answers "might any row of this group match?". Missing statistics always answer yes, so pruning
/// is safe: callers still filter the rows they get. Combine with <see cref="And"/> and <see cref="Or"/>; use
/// <see cref="Custom"/> for anything else. Column names match top-level columns case-insensitively.
/// </remarks>
internal abstract class ParquetPredicate
{
    public abstract bool MightMatch(RowGroupInfo rowGroup);

    public static ParquetPredicate Equal(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.Equal, value);
    public static ParquetPredicate LessThan(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.LessThan, value);
    public static ParquetPredicate LessThanOrEqual(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.LessThanOrEqual, value);
    public static ParquetPredicate GreaterThan(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.GreaterThan, value);
    public static ParquetPredicate GreaterThanOrEqual(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.GreaterThanOrEqual, value);

    /// <summary>Rows whose column lies in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static ParquetPredicate Between(string column, object low, object high) => And(GreaterThanOrEqual(column, low), LessThanOrEqual(column, high));

    public static ParquetPredicate IsNull(string column) => new NullPredicate(column, wantNull: true);
    public static ParquetPredicate IsNotNull(string column) => new NullPredicate(column, wantNull: false);
    public static ParquetPredicate And(ParquetPredicate left, ParquetPredicate right) => new CombinedPredicate(left, right, both: true);
    public static ParquetPredicate Or(ParquetPredicate left, ParquetPredicate right) => new CombinedPredicate(left, right, both: false);

    /// <summary>Any test on a row group's statistics (see <see cref="RowGroupInfo.GetStatistics"/>).</summary>
    public static ParquetPredicate Custom(Func<RowGroupInfo, bool> mightMatch) => new CustomPredicate(mightMatch);
}
