namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>AND / OR of two predicates.</summary>
internal sealed class CombinedPredicate(ParquetPredicate left, ParquetPredicate right, bool both) : ParquetPredicate
{
    public override bool MightMatch(RowGroupInfo rowGroup) =>
        both ? left.MightMatch(rowGroup) && right.MightMatch(rowGroup) : left.MightMatch(rowGroup) || right.MightMatch(rowGroup);
}
