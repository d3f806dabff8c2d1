namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Reads any column into an <see cref="object"/> member.</summary>
internal sealed class BoxingAccessor(ColumnAccessor inner) : ColumnAccessor<object?>
{
    public override bool IsNull(int row) => inner.IsNull(row);

    public override object? Get(int row) => inner.GetBoxed(row);
}
