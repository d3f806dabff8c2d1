namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Reads a column into a member of another type (int column into a long property, DATE into DateTime, ...).</summary>
internal sealed class ConvertingAccessor<TIn, TOut>(ColumnAccessor<TIn> inner, Func<TIn, TOut> convert) : ColumnAccessor<TOut>
{
    public override bool IsNull(int row) => inner.IsNull(row);

    public override TOut Get(int row) => inner.IsNull(row) ? default! : convert(inner.Get(row));
}
