namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Reads a LIST of primitives as <typeparamref name="T"/>[] per row; null elements are null, or an error
/// (<paramref name="nullElementError"/>) when <typeparamref name="T"/> is a value type that cannot hold them.</summary>
internal sealed class ListAccessor<T>(ListLayout layout, ColumnAccessor<T> elements, string? nullElementError) : ColumnAccessor<T[]?>
{
    public override bool IsNull(int row) => layout.IsNull(row);

    public override T[]? Get(int row)
    {
        if (layout.IsNull(row)) return null;
        int length = layout.Length(row);
        if (length == 0) return [];
        var result = new T[length];
        int slot = layout.FirstSlot(row), value = layout.FirstValue(row);
        for (int i = 0; i < length; i++, slot++)
        {
            if (layout.HasValue(slot)) result[i] = elements.Get(value++);
            else if (nullElementError is not null) throw new InvalidDataException($"{nullElementError} (row {row} of its row group).");
        }
        return result;
    }
}
