using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Fixed-width values (bool, int, long, float, double, <see cref="Int96"/>): spaced for flat columns, dense for repeated.</summary>
internal sealed class PrimitiveColumnData<T>(ColumnDescriptor column, int slotCount, int[]? definitionLevels, int[]? repetitionLevels, T[] values, long fileOffset)
    : ColumnData(column, slotCount, definitionLevels, repetitionLevels, fileOffset)
    where T : struct
{
    /// <summary>Per slot (flat) or per non-null value (repeated); longer than that when rented.</summary>
    public T[] Values { get; } = values;

    protected override void ReturnValues() => Return(Values);
}
