namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Reads a LIST of optional value-type elements as <typeparamref name="T"/>?[] per row.</summary>
internal sealed class NullableListAccessor<T>(ListLayout layout, ColumnAccessor<T> elements) : ColumnAccessor<T?[]?>
    where T : struct
{
    public override bool IsNull(int row) => layout.IsNull(row);

    public override T?[]? Get(int row)
    {
        if (layout.IsNull(row)) return null;
        int length = layout.Length(row);
        if (length == 0) return [];
        var result = new T?[length];
        int slot = layout.FirstSlot(row), value = layout.FirstValue(row);
        for (int i = 0; i < length; i++, slot++)
        {
            if (layout.HasValue(slot)) result[i] = elements.Get(value++);
        }
        return result;
    }
}
