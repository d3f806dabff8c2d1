namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>column IS NULL / IS NOT NULL, decided from the null count.</summary>
internal sealed class NullPredicate(string column, bool wantNull) : ParquetPredicate
{
    public override bool MightMatch(RowGroupInfo rowGroup)
    {
        ColumnStatistics? statistics = rowGroup.GetStatistics(column);
        if (statistics?.NullCount is not long nulls) return true;
        return wantNull ? nulls > 0 : nulls < statistics.ValueCount;
    }
}
