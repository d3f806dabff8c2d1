using System.Buffers;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>The decoded values of one column chunk.</summary>
/// <remarks>
/// Flat columns (no repetition) are row-aligned: slot i is row i, and nulls are slots whose definition level is
/// below the maximum. Repeated columns keep one level pair per slot and their non-null values dense, in order;
/// <c>ListAssembler</c> turns them into arrays per row.
/// The arrays are rented from <see cref="ArrayPool{T}.Shared"/> and may be longer than the slots they hold:
/// index them below <see cref="SlotCount"/> (or the value count). <see cref="Dispose"/> returns them once nothing
/// reads them any more; a reader that never disposes only loses the reuse.
/// </remarks>
internal abstract class ColumnData(ColumnDescriptor column, int slotCount, int[]? definitionLevels, int[]? repetitionLevels, long fileOffset)
    : IDisposable
{
    private bool _disposed;

    /// <summary>Where the column chunk starts in the file: the offset errors about its values report.</summary>
    public long FileOffset { get; } = fileOffset;

    public ColumnDescriptor Column { get; } = column;

    /// <summary>Rows (flat) or level entries (repeated).</summary>
    public int SlotCount { get; } = slotCount;

    /// <summary>One level per slot; null for a flat column with no null in this chunk (required or not).</summary>
    public int[]? DefinitionLevels { get; } = definitionLevels;

    /// <summary>One level per slot; null for flat columns.</summary>
    public int[]? RepetitionLevels { get; } = repetitionLevels;

    /// <summary>Whether row <paramref name="slot"/> of a flat column is null; repeated columns' dense values never are.</summary>
    public bool IsNull(int slot) =>
        RepetitionLevels is null && DefinitionLevels is int[] levels && levels[slot] < Column.MaxDefinitionLevel;

    /// <summary>Returns the arrays to the pool; the data must not be read afterwards.</summary>
    public void Dispose()
    {
        // Returning an array twice would hand it to two renters at once.
        if (_disposed) return;
        _disposed = true;
        Return(DefinitionLevels);
        Return(RepetitionLevels);
        ReturnValues();
    }

    /// <summary>Returns the subclass's value arrays to the pool.</summary>
    protected abstract void ReturnValues();

    /// <summary>Returns a rented array; empty arrays (of empty chunks) were never rented.</summary>
    protected static void Return<T>(T[]? array)
    {
        if (array is { Length: > 0 }) ArrayPool<T>.Shared.Return(array);
    }
}
