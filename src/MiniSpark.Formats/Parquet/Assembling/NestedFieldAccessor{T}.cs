using MiniSpark.Formats.Parquet.Mapping;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>A top-level nested field of one row group as a row-indexed accessor: rows are assembled one after another, on demand.</summary>
/// <remarks>
/// Assembly streams through the leaves' levels, so rows must be asked for in order (each may be asked for twice,
/// as <see cref="ColumnAccessor{T}.GetBoxed"/> does); the readers do exactly that. After the last row every leaf
/// must be used up: leftover entries mean the columns disagree about the rows.
/// </remarks>
internal sealed class NestedFieldAccessor<T>(ValueAssembler<T> root, LeafCursors cursors, AssemblyContext context) : ColumnAccessor<T>
{
    private int _row = -1;
    private T _value = default!;

    public override bool IsNull(int row)
    {
        MoveTo(row);
        return _value is null;
    }

    public override T Get(int row)
    {
        MoveTo(row);
        return _value;
    }

    private void MoveTo(int row)
    {
        if (row == _row) return;
        if (row != _row + 1) throw new InvalidOperationException($"Nested rows are assembled in order: row {row} was asked for after row {_row}.");
        context.Row = row;
        _value = root.Read(0);
        _row = row;
        if (row + 1 == context.RowCount) cursors.CheckConsumed();
    }
}
