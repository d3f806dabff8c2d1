namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Reads one column as <typeparamref name="T"/> without boxing: what compiled record factories call.</summary>
internal abstract class ColumnAccessor<T> : ColumnAccessor
{
    /// <summary>The row's value; for a null row, null for reference and nullable types, otherwise default.</summary>
    public abstract T Get(int row);

    public override object? GetBoxed(int row) => IsNull(row) ? null : Get(row);
}
