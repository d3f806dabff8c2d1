namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Reads one column of a decoded row group row by row; see <see cref="ColumnAccessor{T}"/>.</summary>
internal abstract class ColumnAccessor
{
    /// <summary>Whether the row's value is null.</summary>
    public abstract bool IsNull(int row);

    /// <summary>The row's value boxed, or null (the untyped reader's path).</summary>
    public abstract object? GetBoxed(int row);
}
