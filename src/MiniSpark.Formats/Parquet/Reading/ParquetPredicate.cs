using MiniSpark.Formats.Parquet;
using MiniSpark.Formats.Parquet.Reading;
namespace MiniSpark;

/// <summary>A filter on row-group statistics: row groups it rules out are not read at all.</summary>
/// <remarks>
/// A predicate answers "might any row of this group match?". Missing statistics always answer yes, so pruning
/// is safe: callers still filter the rows they get. Combine with <see cref="And"/> and <see cref="Or"/>; use
/// <see cref="Custom"/> for anything else. Column names match top-level columns case-insensitively.
/// </remarks>
public abstract class ParquetPredicate
{
    private protected ParquetPredicate() { }

    /// <summary>False only when no row of <paramref name="rowGroup"/> can match (so it is skipped).</summary>
    public abstract bool MightMatch(RowGroupInfo rowGroup);

    /// <summary>Rows where <paramref name="column"/> equals <paramref name="value"/>.</summary>
    public static ParquetPredicate Equal(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.Equal, value);
    /// <summary>Rows where <paramref name="column"/> is below <paramref name="value"/>.</summary>
    public static ParquetPredicate LessThan(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.LessThan, value);
    /// <summary>Rows where <paramref name="column"/> is at most <paramref name="value"/>.</summary>
    public static ParquetPredicate LessThanOrEqual(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.LessThanOrEqual, value);
    /// <summary>Rows where <paramref name="column"/> is above <paramref name="value"/>.</summary>
    public static ParquetPredicate GreaterThan(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.GreaterThan, value);
    /// <summary>Rows where <paramref name="column"/> is at least <paramref name="value"/>.</summary>
    public static ParquetPredicate GreaterThanOrEqual(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.GreaterThanOrEqual, value);

    /// <summary>Rows whose column lies in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static ParquetPredicate Between(string column, object low, object high) => And(GreaterThanOrEqual(column, low), LessThanOrEqual(column, high));

    /// <summary>Rows where <paramref name="column"/> is null.</summary>
    public static ParquetPredicate IsNull(string column) => new NullPredicate(column, wantNull: true);
    /// <summary>Rows where <paramref name="column"/> is not null.</summary>
    public static ParquetPredicate IsNotNull(string column) => new NullPredicate(column, wantNull: false);
    /// <summary>Rows matching both predicates.</summary>
    public static ParquetPredicate And(ParquetPredicate left, ParquetPredicate right) => new CombinedPredicate(left, right, both: true);
    /// <summary>Rows matching either predicate.</summary>
    public static ParquetPredicate Or(ParquetPredicate left, ParquetPredicate right) => new CombinedPredicate(left, right, both: false);

    /// <summary>Any test on a row group's statistics (see <see cref="RowGroupInfo.GetStatistics"/>).</summary>
    public static ParquetPredicate Custom(Func<RowGroupInfo, bool> mightMatch) => new CustomPredicate(mightMatch);
}
