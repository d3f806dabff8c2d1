using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Where each row's list lies in a repeated column's levels: its slots, its first value, null or empty.</summary>
/// <remarks>
/// A repetition level of 0 starts a row. The first slot's definition level says whether the list is null (below
/// the list's level), empty (below the element's level) or has elements; each element slot is a value when its
/// definition level is the column maximum and a null element otherwise.
/// </remarks>
internal sealed class ListLayout
{
    private readonly int[] _firstSlot;
    private readonly int[] _firstValue;
    private readonly int[] _definitions;

    private ListLayout(int[] firstSlot, int[] firstValue, int[] definitions, SchemaField field, int maxDefinition)
    {
        _firstSlot = firstSlot;
        _firstValue = firstValue;
        _definitions = definitions;
        Field = field;
        MaxDefinition = maxDefinition;
    }

    public SchemaField Field { get; }
    public int MaxDefinition { get; }
    public int RowCount => _firstSlot.Length - 1;

    public static ListLayout Build(ColumnData data, SchemaField field, long rowCount, string source)
    {
        int[] repetitions = data.RepetitionLevels ?? throw new InvalidOperationException("A list column has no repetition levels.");
        int[] definitions = data.DefinitionLevels ?? throw new InvalidOperationException("A list column has no definition levels.");
        int maxDefinition = data.Column.MaxDefinitionLevel;
        int rows = 0;
        for (int i = 0; i < data.SlotCount; i++)
        {
            if (repetitions[i] == 0) rows++;
        }
        if (data.SlotCount > 0 && repetitions[0] != 0)
            throw ParquetErrors.Invalid(source, data.FileOffset, $"column '{data.Column.DottedPath}' starts with repetition level {repetitions[0]}; a row group's first level must be 0.");
        if (rows != rowCount)
            throw ParquetErrors.Invalid(source, data.FileOffset, $"column '{data.Column.DottedPath}' holds {rows} lists for a row group of {rowCount} rows.");
        var firstSlot = new int[rows + 1];
        var firstValue = new int[rows + 1];
        int row = -1, values = 0;
        for (int i = 0; i < data.SlotCount; i++)
        {
            if (repetitions[i] == 0)
            {
                row++;
                firstSlot[row] = i;
                firstValue[row] = values;
            }
            if (definitions[i] == maxDefinition) values++;
        }
        firstSlot[rows] = data.SlotCount;
        firstValue[rows] = values;
        return new ListLayout(firstSlot, firstValue, definitions, field, maxDefinition);
    }

    public bool IsNull(int row) => _definitions[_firstSlot[row]] < Field.ListDefinitionLevel;

    /// <summary>Elements in the row's list (0 for null or empty lists).</summary>
    public int Length(int row)
    {
        int first = _firstSlot[row];
        return _definitions[first] < Field.ElementDefinitionLevel ? 0 : _firstSlot[row + 1] - first;
    }

    public int FirstSlot(int row) => _firstSlot[row];

    public int FirstValue(int row) => _firstValue[row];

    /// <summary>Whether the element in <paramref name="slot"/> is a value (not a null element).</summary>
    public bool HasValue(int slot) => _definitions[slot] == MaxDefinition;
}
