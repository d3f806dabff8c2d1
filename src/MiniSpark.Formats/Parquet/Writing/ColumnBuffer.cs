namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>The values of one column for one row group, before encoding; see <see cref="ColumnBuffer{T}"/>.</summary>
internal abstract class ColumnBuffer
{
    /// <summary>Rows held, nulls included.</summary>
    public abstract int Count { get; }

    /// <summary>The CLR type of the values.</summary>
    public abstract Type ValueType { get; }

    /// <summary>Rows that are null; empty when the column has none.</summary>
    public abstract ReadOnlySpan<bool> Nulls { get; }

    /// <summary>Forgets the rows, keeping the storage for the next row group.</summary>
    public abstract void Clear();

    /// <summary>Rough bytes the values take once encoded: what row-group sizing counts.</summary>
    public abstract long EstimatedBytes { get; }
}
