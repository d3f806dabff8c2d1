namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>A caller's own test on a row group's statistics.</summary>
internal sealed class CustomPredicate(Func<RowGroupInfo, bool> mightMatch) : ParquetPredicate
{
    public override bool MightMatch(RowGroupInfo rowGroup) => mightMatch(rowGroup);
}
