namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Reads a value-type column into a <see cref="Nullable{T}"/> member: null rows become null.</summary>
internal sealed class NullableAccessor<T>(ColumnAccessor<T> inner) : ColumnAccessor<T?>
    where T : struct
{
    public override bool IsNull(int row) => inner.IsNull(row);

    public override T? Get(int row) => inner.IsNull(row) ? null : inner.Get(row);
}
