namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>The cursors of the leaf columns one field's assembly reads in one row group, by column index.</summary>
/// <remarks>Disposing returns the leaves' decoded arrays to the pool: do it once the row group's values are made.</remarks>
internal sealed class LeafCursors : IDisposable
{
    private readonly Dictionary<int, LeafCursor> _byColumn = [];

    public void Add(int columnIndex, LeafCursor cursor) => _byColumn.Add(columnIndex, cursor);

    public LeafCursor this[int columnIndex] => _byColumn[columnIndex];

    /// <summary>Fails if a leaf holds entries the rows did not use: its levels and the other leaves' disagree.</summary>
    public void CheckConsumed()
    {
        foreach (LeafCursor cursor in _byColumn.Values) cursor.CheckConsumed();
    }

    public void Dispose()
    {
        foreach (LeafCursor cursor in _byColumn.Values) cursor.Data.Dispose();
    }
}
